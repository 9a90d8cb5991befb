import { IN_FLIGHT_PER_CHANNEL } from '../../../src/modules/channels/delivery/channel-delivery.sender';
import { OutboxDelivery } from '../../../src/runtime-host/outbox-delivery';
import { startWhatsAppCloudFake, whatsAppCloudFixture } from '../../support/fake-providers/whatsapp-cloud-fake';
import type { WhatsAppCloudFake } from '../../support/fake-providers/whatsapp-cloud-fake';
import { useTestApp } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';
import { countRows, createChannel, deliveryState, postWhatsAppCloud, publishFlow, straightFlow } from './channel-test-support';

const ECHO_FLOW = straightFlow('Eco', [
  { id: 'start', type: 'fluxo.messageTrigger', config: { mode: 'any' } },
  { id: 'eco', type: 'fluxo.sendMessage', config: { kind: 'text', text: 'Recebido: {{ trigger.text }}' } },
  { id: 'fim', type: 'fluxo.end', config: {} },
]);

/** The text fixture, sent to `phoneNumberId` by customer `from` as message `id`. */
function customerText(phoneNumberId: string, from: string, id: string, text: string): Buffer {
  const body = JSON.parse(whatsAppCloudFixture('text.json').toString('utf8'));
  const value = body.entry[0].changes[0].value;
  value.metadata.phone_number_id = phoneNumberId;
  value.contacts[0].wa_id = from;
  Object.assign(value.messages[0], { from, id, text: { body: text } });
  return Buffer.from(JSON.stringify(body));
}

describe("a tenant's slow provider (Postgres + Redis, 2 turn workers)", () => {
  // Two workers, so that a handful of slow deliveries would be enough to hold them all.
  const t = useTestApp({ redis: true, env: { TURN_CONCURRENCY: '2' } });
  let slow: WhatsAppCloudFake;
  let quick: WhatsAppCloudFake;
  let slowChannel: { id: string; webhookUrl: string };
  let quickChannel: { id: string; webhookUrl: string };

  beforeAll(async () => {
    slow = await startWhatsAppCloudFake({ phoneNumberId: '110000000000001' });
    quick = await startWhatsAppCloudFake({ phoneNumberId: '220000000000002' });
    const hungTenant = await t.client.signup();
    const otherTenant = await t.client.signup();
    await publishFlow(t, hungTenant.token, ECHO_FLOW);
    await publishFlow(t, otherTenant.token, ECHO_FLOW);
    slowChannel = await createChannel(t, hungTenant.token, { type: 'whatsapp_cloud', name: 'Lento', config: slow.channelConfig() });
    quickChannel = await createChannel(t, otherTenant.token, { type: 'whatsapp_cloud', name: 'Rápido', config: quick.channelConfig() });
  });
  afterAll(async () => {
    await slow.close();
    await quick.close();
  });

  it("does not hold up another tenant's replies, and still sends its own, once each", async () => {
    slow.slowDown(4_000);
    try {
      for (let i = 1; i <= 6; i++) await postWhatsAppCloud(t, slowChannel, customerText(slow.phoneNumberId, `55119000000${i}`, `wamid.lento.${i}`, `pedido ${i}`));
      await waitFor(async () => slow.requests().length >= 2, 5_000, 'the slow provider holding two replies');
      await postWhatsAppCloud(t, quickChannel, customerText(quick.phoneNumberId, '5521988887777', 'wamid.rapido.1', 'oi'));
      // Were the two workers waiting for the slow provider, this reply would wait for six of its answers.
      await waitFor(async () => quick.sent().length === 1, 3_000, deliveryState(t, 'the other tenant answered while the slow provider hangs'));
      expect(quick.sent()[0]!.body).toMatchObject({ to: '5521988887777', text: { body: 'Recebido: oi' } });
    } finally {
      slow.slowDown(0);
    }
    await waitFor(async () => (await countRows(t, `SELECT 1 FROM outbox o JOIN conversations c ON c.id = o.conversation_id WHERE c.channel_id = $1 AND o.status = 'sent'`, [slowChannel.id])) === 6,
      20_000, deliveryState(t, "the slow tenant's replies sent"));
    expect(slow.sent().map((message) => (message.body.text as { body: string }).body).sort()).toEqual([1, 2, 3, 4, 5, 6].map((i) => `Recebido: pedido ${i}`));
  });

  it(`keeps at most ${IN_FLIGHT_PER_CHANNEL} sends in flight to a provider that hangs, and sends the rest after`, async () => {
    const customers = IN_FLIGHT_PER_CHANNEL + 8;
    for (let i = 1; i <= customers; i++) await postWhatsAppCloud(t, slowChannel, customerText(slow.phoneNumberId, `55119100000${String(i).padStart(2, '0')}`, `wamid.fila.${i}`, `fila ${i}`));
    const conversations = async () => (await t.database.dataSource.query(
      `SELECT c.id, c.tenant_id FROM conversations c WHERE c.channel_id = $1 AND c.reply_address LIKE '551191%' ORDER BY c.reply_address`, [slowChannel.id])) as Array<{ id: string; tenant_id: string }>;
    await waitFor(async () => (await conversations()).length === customers
      && (await countRows(t, `SELECT 1 FROM outbox o JOIN conversations c ON c.id = o.conversation_id WHERE c.channel_id = $1 AND o.status = 'pending'`, [slowChannel.id])) === 0,
    20_000, deliveryState(t, 'the first replies sent'));
    // One more message for every one of them, all delivered at once while the provider hangs.
    for (const { id, tenant_id: tenantId } of await conversations()) {
      await t.database.dataSource.query(`INSERT INTO outbox (tenant_id, conversation_id, turn_id, idempotency_key, message) VALUES ($1, $2, gen_random_uuid(), $3, $4)`,
        [tenantId, id, `manual:fila:${id}`, JSON.stringify({ kind: 'text', text: 'Seu pedido está a caminho.' })]);
    }
    const requestsBefore = slow.requests().length;
    slow.slowDown(8_000);
    try {
      const delivery = t.app.get(OutboxDelivery);
      await Promise.all((await conversations()).map(({ id }) => delivery.sendPending(id)));
      await waitFor(async () => slow.requests().length - requestsBefore >= IN_FLIGHT_PER_CHANNEL, 6_000, async () => `the provider holding a full set of sends (${slow.requests().length - requestsBefore})`);
      // Within the provider's 8 s, under the adapter's 10 s timeout (the channel's pace lets the first 64 out in about 1.3 s): nothing more goes to it while those hang.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(slow.requests().length - requestsBefore).toBe(IN_FLIGHT_PER_CHANNEL);
    } finally {
      slow.slowDown(0);
    }
    await waitFor(async () => (await countRows(t, `SELECT 1 FROM outbox WHERE idempotency_key LIKE 'manual:fila:%' AND status = 'sent'`, [])) === customers,
      20_000, deliveryState(t, 'the rest sent once the provider answers'));
    expect(slow.requests().length - requestsBefore).toBe(customers);
  });
});
