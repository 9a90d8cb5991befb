import { JOB_QUEUE } from '../../../src/platform/queue';
import type { JobQueue } from '../../../src/platform/queue';
import { LEASE_SECONDS } from '../../../src/runtime-host/delivery-lease';
import { OutboxDelivery } from '../../../src/runtime-host/outbox-delivery';
import { TURN_QUEUE } from '../../../src/runtime-host/queues';
import { RuntimeWorker } from '../../../src/runtime-host/runtime-worker';
import { RUNTIME_EVENTS } from '../../../src/runtime-host/turn-events';
import type { RuntimeEvents } from '../../../src/runtime-host/turn-events';
import { graphError, signWhatsAppCloudBody, startWhatsAppCloudFake, WHATSAPP_CLOUD_TEST, whatsAppCloudFixture } from '../../support/fake-providers/whatsapp-cloud-fake';
import type { WhatsAppCloudFake } from '../../support/fake-providers/whatsapp-cloud-fake';
import { useTestApp } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';
import { clinicGreetingFor, countRows, createChannel, deliveryState, pathOf, postWebhook, publishExample } from './channel-test-support';

const CUSTOMER = '5511999990001';

/** Meta's own request: the fixture's bytes with their signature. */
const signed = (body: Buffer | string) => ({ 'content-type': 'application/json', 'x-hub-signature-256': signWhatsAppCloudBody(body) });

/** A status webhook for one of our messages, shaped like the fixtures. */
function statusBody(wamid: string, status: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '230948571629384', changes: [{ field: 'messages', value: {
    messaging_product: 'whatsapp', metadata: { display_phone_number: '5511999990000', phone_number_id: WHATSAPP_CLOUD_TEST.phoneNumberId },
    statuses: [{ id: wamid, status, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: CUSTOMER, ...extra }] } }] }] });
}

describe('WhatsApp Cloud API channel: webhook in, clinic flow, reply out (Postgres)', () => {
  const t = useTestApp();
  let fake: WhatsAppCloudFake;
  let owner: { token: string; tenantId: string };
  let channel: { id: string; webhookUrl: string };
  let clinic: Awaited<ReturnType<typeof publishExample>>;

  beforeAll(async () => {
    fake = await startWhatsAppCloudFake();
    owner = await t.client.signup();
    clinic = await publishExample(t, owner.token, 'clinic-menu');
    channel = await createChannel(t, owner.token, { type: 'whatsapp_cloud', name: 'WhatsApp', config: fake.channelConfig() });
  });
  afterAll(async () => {
    await fake.close();
  });

  const conversationId = async () => (await t.database.dataSource.query(`SELECT id FROM conversations WHERE channel_id = $1`, [channel.id]))[0]?.id as string;
  const outboundTexts = async (id: string) => (await t.database.dataSource.query(
    `SELECT content FROM messages WHERE conversation_id = $1 AND direction = 'out' ORDER BY seq`, [id])).map((row: { content: { text?: string } }) => row.content.text);

  it('answers the verification handshake with the challenge, and refuses a wrong verify token', async () => {
    // The request line of Meta's GET, as recorded in the fixture.
    const params = new URLSearchParams(/\?(\S+)/.exec(whatsAppCloudFixture('verify-get-handshake.txt').toString('utf8'))![1]);
    const ok = await fetch(`${t.baseUrl}${pathOf(channel.webhookUrl)}?${params}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe(params.get('hub.challenge'));
    params.set('hub.verify_token', 'outro-token');
    expect((await fetch(`${t.baseUrl}${pathOf(channel.webhookUrl)}?${params}`)).status).toBe(401);
  });

  it('refuses a forged or unsigned body with 401 and stores nothing', async () => {
    const body = Buffer.from(whatsAppCloudFixture('text.json'));
    const forged = Buffer.from(body);
    forged[forged.length - 10] = forged[forged.length - 10]! ^ 1;
    expect((await postWebhook(t, pathOf(channel.webhookUrl), forged, signed(body))).status).toBe(401);
    expect((await postWebhook(t, pathOf(channel.webhookUrl), body, { 'content-type': 'application/json' })).status).toBe(401);
    expect(await countRows(t, `SELECT 1 FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.channel_id = $1`, [channel.id])).toBe(0);
  });

  it('runs the clinic flow for a customer message and delivers its replies to the Graph API, once, even when Meta re-delivers', async () => {
    const text = whatsAppCloudFixture('text.json');
    expect((await postWebhook(t, pathOf(channel.webhookUrl), text, signed(text))).status).toBe(200);
    const duplicate = whatsAppCloudFixture('text-duplicate.json');
    expect((await postWebhook(t, pathOf(channel.webhookUrl), duplicate, signed(duplicate))).status).toBe(200);

    await waitFor(async () => fake.sent().length >= 1 && (await countRows(t, `SELECT 1 FROM outbox WHERE status = 'pending'`, [])) === 0, 10_000, 'the replies delivered');
    const id = await conversationId();
    const greeting = await clinicGreetingFor(t, id, clinic.graph);
    const sent = fake.sent().map((message) => message.body);
    expect(sent[0]).toMatchObject({ messaging_product: 'whatsapp', to: CUSTOMER, type: 'text', text: { body: greeting } });
    expect(sent.map((body) => (body.text as { body?: string } | undefined)?.body)).toEqual(await outboundTexts(id));
    for (const request of fake.requests()) expect(request.headers.authorization).toBe(`Bearer ${WHATSAPP_CLOUD_TEST.accessToken}`);
    // The re-delivery stored nothing and ran nothing.
    expect(await countRows(t, `SELECT 1 FROM messages WHERE conversation_id = $1 AND direction = 'in'`, [id])).toBe(1);
    expect(await countRows(t, `SELECT 1 FROM turns WHERE conversation_id = $1`, [id])).toBe(1);
    // The contact comes from the channel identity.
    const [contact] = await t.database.dataSource.query(`SELECT k.name, k.phone, k.aliases FROM contacts k JOIN conversations c ON c.contact_id = k.id WHERE c.id = $1`, [id]);
    expect(contact).toEqual({ name: 'Maria Souza', phone: CUSTOMER, aliases: ['BR.1502576394655843'] });
  });

  it('applies status webhooks to the stored message without moving it backwards', async () => {
    const wamid = fake.sent()[0]!.id;
    for (const status of ['read', 'delivered']) {
      const body = statusBody(wamid, status);
      expect((await postWebhook(t, pathOf(channel.webhookUrl), body, signed(body))).status).toBe(200);
    }
    const [row] = await t.database.dataSource.query(`SELECT status, status_at FROM messages WHERE external_id = $1`, [`${channel.id}:${wamid}`]);
    expect(row.status).toBe('read');
    expect(row.status_at).not.toBeNull();
  });

  it('retries a 429 after its Retry-After and sends the message exactly once', async () => {
    const before = fake.sent().length;
    fake.failNextSend(graphError(130429, '(#130429) Rate limit hit', { status: 429, headers: { 'retry-after': '1' } }));
    // A keyword of the clinic flow: answered at any hour (after business hours the first turn ended
    // the run, and a name would match nothing; in them the run waits for the name and takes it).
    const reply = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '230948571629384', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp', metadata: { display_phone_number: '5511999990000', phone_number_id: WHATSAPP_CLOUD_TEST.phoneNumberId },
      contacts: [{ profile: { name: 'Ana' }, wa_id: CUSTOMER }],
      messages: [{ from: CUSTOMER, id: 'wamid.retry-test-1', timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: 'menu' } }] } }] }] });
    expect((await postWebhook(t, pathOf(channel.webhookUrl), reply, signed(reply))).status).toBe(200);
    await waitFor(async () => fake.sent().length > before && (await countRows(t, `SELECT 1 FROM outbox WHERE status = 'pending'`, [])) === 0, 15_000,
      deliveryState(t, 'the retried delivery', () => `; provider calls ${JSON.stringify(fake.requests().slice(-4).map((r) => r.path))}`));
    const [outbox] = await t.database.dataSource.query(`SELECT attempts, status FROM outbox WHERE conversation_id = $1 ORDER BY seq DESC LIMIT 1`, [await conversationId()]);
    expect(outbox).toMatchObject({ status: 'sent' });
    const attemptsTotal = await countRows(t, `SELECT 1 FROM outbox WHERE conversation_id = $1 AND attempts = 2`, [await conversationId()]);
    expect(attemptsTotal).toBe(1);
    const texts = fake.sent().slice(before).map((message) => JSON.stringify(message.body));
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('marks a message failed on a permanent error, shows it in the conversation API, and refuses free text outside the 24-hour window', async () => {
    const id = await conversationId();
    const delivery = t.app.get(OutboxDelivery);
    const insert = async (key: string, text: string) => t.database.dataSource.query(
      `INSERT INTO outbox (tenant_id, conversation_id, turn_id, idempotency_key, message) VALUES ($1, $2, gen_random_uuid(), $3, $4)`,
      [owner.tenantId, id, key, JSON.stringify({ kind: 'text', text })]);
    // A delivery still running for this conversation holds its lease: the direct call then leaves the row to the queue.
    const deliverNow = async (key: string) => {
      await delivery.deliverPending(id);
      await waitFor(async () => (await countRows(t, `SELECT 1 FROM outbox WHERE idempotency_key = $1 AND status = 'pending'`, [key])) === 0, 10_000,
        deliveryState(t, `the ${key} row settled`));
    };
    fake.failNextSend(graphError(131026, 'Message undeliverable'));
    await insert('manual:undeliverable', 'Lembrete da consulta');
    await deliverNow('manual:undeliverable');
    await t.database.dataSource.query(`UPDATE conversations SET last_inbound_at = now() - interval '2 days' WHERE id = $1`, [id]);
    const sentBefore = fake.sent().length;
    await insert('manual:late', 'Oi, ainda precisa de ajuda?');
    await deliverNow('manual:late');
    expect(fake.sent().length).toBe(sentBefore); // refused before calling Meta
    const conversation = await t.client.request('GET', `/api/conversations/${id}`, { token: owner.token });
    const failed = conversation.body.messages.filter((m: { status: string }) => m.status === 'failed');
    expect(failed.map((m: { deliveryError: { category: string } }) => m.deliveryError.category)).toEqual(['recipient_unreachable', 'outside_window']);
    expect(failed[1].deliveryError.message).toMatch(/24 hours.*template/);

    // An approved template is what may go out now.
    await t.database.dataSource.query(
      `INSERT INTO outbox (tenant_id, conversation_id, turn_id, idempotency_key, message) VALUES ($1, $2, gen_random_uuid(), 'manual:template', $3)`,
      [owner.tenantId, id, JSON.stringify({ kind: 'template', name: 'lembrete_consulta', language: 'pt_BR', variables: { 1: 'Maria', 2: '14/05 às 14h' } })]);
    await deliverNow('manual:template');
    expect(fake.sent().at(-1)!.body).toMatchObject({
      type: 'template', to: CUSTOMER,
      template: { name: 'lembrete_consulta', language: { code: 'pt_BR' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Maria' }, { type: 'text', text: '14/05 às 14h' }] }] },
    });
  });

  it('sends each message once, in order, when two deliveries of one conversation overlap (a slow provider)', async () => {
    const id = await conversationId();
    await t.database.dataSource.query(`UPDATE conversations SET last_inbound_at = now() WHERE id = $1`, [id]);
    const delivery = t.app.get(OutboxDelivery);
    const sentBefore = fake.sent().length;
    for (const [index, text] of ['Primeira', 'Segunda', 'Terceira'].entries()) {
      await t.database.dataSource.query(
        `INSERT INTO outbox (tenant_id, conversation_id, turn_id, idempotency_key, message) VALUES ($1, $2, gen_random_uuid(), $3, $4)`,
        [owner.tenantId, id, `manual:overlap:${index}`, JSON.stringify({ kind: 'text', text })]);
    }
    fake.slowDown(150);
    try {
      // The second finds the lease taken and comes back through the queue once the first is done.
      await Promise.all([delivery.deliverPending(id), delivery.deliverPending(id)]);
      await waitFor(async () => (await countRows(t, `SELECT 1 FROM outbox WHERE conversation_id = $1 AND status = 'pending'`, [id])) === 0, 10_000, 'the rows sent');
    } finally {
      fake.slowDown(0);
    }
    expect(fake.sent().slice(sentBefore).map((m) => (m.body.text as { body: string }).body)).toEqual(['Primeira', 'Segunda', 'Terceira']);
    expect(await countRows(t, `SELECT 1 FROM delivery_leases WHERE conversation_id = $1`, [id])).toBe(0);
  });

  it('sends a text over the limit in parts, renewing the delivery lease as each is recorded; a retry resumes after the parts already sent', async () => {
    const id = await conversationId();
    await t.database.dataSource.query(`UPDATE conversations SET last_inbound_at = now() WHERE id = $1`, [id]);
    const parts = ['Parte um', 'Parte dois', 'Parte três'].map((label) => `${label}: ${'tudo certo por aqui '.repeat(140).trim()}.`);
    await t.database.dataSource.query(`INSERT INTO outbox (tenant_id, conversation_id, turn_id, idempotency_key, message) VALUES ($1, $2, gen_random_uuid(), 'manual:longo', $3)`,
      [owner.tenantId, id, JSON.stringify({ kind: 'text', text: parts.join(' ') })]);
    const bodyOf = (body: Record<string, unknown>) => (body.text as { body?: string } | undefined)?.body ?? '';
    fake.failNextSend(graphError(1, 'An unknown error occurred', { status: 500 }), (body) => bodyOf(body).startsWith('Parte dois'));
    const sentBefore = fake.sent().length;
    const lease = async () => (await t.database.dataSource.query(`SELECT until FROM delivery_leases WHERE conversation_id = $1`, [id]))[0]?.until as Date | undefined;
    const recorded = async () => ((await t.database.dataSource.query(`SELECT external_ids FROM outbox WHERE idempotency_key = 'manual:longo'`))[0].external_ids ?? []).length as number;
    fake.slowDown(400);
    try {
      const delivering = t.app.get(OutboxDelivery).deliverPending(id);
      let taken: Date | undefined;
      await waitFor(async () => Boolean(taken = await lease()), 5_000, 'the lease taken');
      await waitFor(async () => (await recorded()) === 1, 5_000, 'the first part recorded');
      const renewed = await lease();
      expect(renewed!.getTime()).toBeGreaterThan(taken!.getTime() + 200);
      expect(renewed!.getTime() - Date.now()).toBeLessThanOrEqual(LEASE_SECONDS * 1000);
      await delivering;
    } finally {
      fake.slowDown(0);
    }
    await waitFor(async () => (await countRows(t, `SELECT 1 FROM outbox WHERE idempotency_key = 'manual:longo' AND status = 'sent'`, [])) === 1, 15_000, deliveryState(t, 'the long text sent'));
    // Each part once at the provider, the second after its failed attempt; the row keeps all three ids.
    expect(fake.sent().slice(sentBefore).map((message) => bodyOf(message.body).split(':')[0])).toEqual(['Parte um', 'Parte dois', 'Parte três']);
    expect(fake.bodies().filter((body) => bodyOf(body).startsWith('Parte dois'))).toHaveLength(2);
    const [row] = await t.database.dataSource.query(`SELECT attempts, external_ids FROM outbox WHERE idempotency_key = 'manual:longo'`);
    expect(row).toEqual({ attempts: 2, external_ids: fake.sent().slice(sentBefore).map((message) => `${channel.id}:${message.id}`) });
  });

  it("publishes no turn.completed for a channel's conversation: nobody awaits it, and the turn still answers", async () => {
    const body = JSON.parse(whatsAppCloudFixture('text.json').toString('utf8'));
    Object.assign(body.entry[0].changes[0].value.messages[0], { id: 'wamid.sem-aviso.1', text: { body: 'menu' } });
    const id = await conversationId();
    const turnsBefore = await countRows(t, `SELECT 1 FROM turns WHERE conversation_id = $1`, [id]);
    const sentBefore = fake.sent().length;
    const events = t.app.get<RuntimeEvents>(RUNTIME_EVENTS);
    const publish = jest.spyOn(events, 'publish');
    try {
      const raw = Buffer.from(JSON.stringify(body));
      expect((await postWebhook(t, pathOf(channel.webhookUrl), raw, signed(raw))).status).toBe(200);
      await waitFor(async () => (await countRows(t, `SELECT 1 FROM turns WHERE conversation_id = $1`, [id])) === turnsBefore + 1
        && (await countRows(t, `SELECT 1 FROM outbox WHERE conversation_id = $1 AND status = 'pending'`, [id])) === 0, 10_000, 'the turn and its replies');
    } finally {
      publish.mockRestore();
    }
    expect(fake.sent().length).toBeGreaterThan(sentBefore);
    expect(publish.mock.calls.filter(([event]) => event.type === 'turn.completed')).toEqual([]);
  });

  it('answers once the message is stored, even when its turn cannot be queued; the pending-work sweep runs it', async () => {
    const body = JSON.parse(whatsAppCloudFixture('text.json').toString('utf8'));
    Object.assign(body.entry[0].changes[0].value.messages[0], { id: 'wamid.sem-fila.1', text: { body: 'menu' } });
    const id = await conversationId();
    const turnsBefore = await countRows(t, `SELECT 1 FROM turns WHERE conversation_id = $1`, [id]);
    const sentBefore = fake.sent().length;
    const queue = t.app.get<JobQueue>(JOB_QUEUE);
    const add = queue.add.bind(queue);
    const adds = jest.spyOn(queue, 'add').mockImplementation(async (name, data, options) => {
      if (name === TURN_QUEUE) throw new Error('Redis went away');
      return add(name, data, options);
    });
    try {
      const raw = Buffer.from(JSON.stringify(body));
      expect((await postWebhook(t, pathOf(channel.webhookUrl), raw, signed(raw))).status).toBe(200);
      await waitFor(async () => adds.mock.calls.some(([name]) => name === TURN_QUEUE), 5_000, 'the turn asked for');
    } finally {
      adds.mockRestore();
    }
    const [stored] = await t.database.dataSource.query(`SELECT status FROM messages WHERE external_id = $1`, [`${channel.id}:wamid.sem-fila.1`]);
    expect(stored).toEqual({ status: 'received' });
    expect(await t.app.get(RuntimeWorker).requeuePendingWork(0)).toMatchObject({ conversations: 1 });
    await waitFor(async () => (await countRows(t, `SELECT 1 FROM turns WHERE conversation_id = $1`, [id])) === turnsBefore + 1
      && (await countRows(t, `SELECT 1 FROM outbox WHERE conversation_id = $1 AND status = 'pending'`, [id])) === 0, 10_000, 'the swept turn and its replies');
    expect(fake.sent().length).toBeGreaterThan(sentBefore);
  });

  it('routes the shared webhook of one Meta app by phone_number_id', async () => {
    const image = whatsAppCloudFixture('image-caption.json');
    expect((await postWebhook(t, '/webhooks/whatsapp-cloud', image, signed(image))).status).toBe(200);
    await waitFor(async () => (await countRows(t, `SELECT 1 FROM messages WHERE type = 'image' AND channel = 'whatsapp_cloud'`, [])) === 1, 5_000, 'the image stored');
    const [row] = await t.database.dataSource.query(`SELECT m.content, c.channel_id FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.type = 'image'`);
    expect(row.channel_id).toBe(channel.id);
    expect(row.content.message).toMatchObject({ type: 'image', media: { providerMediaId: expect.any(String) } });
  });

  it("answers 404 for a channel that does not exist or is another type's", async () => {
    const text = whatsAppCloudFixture('text.json');
    expect((await postWebhook(t, '/webhooks/whatsapp-cloud/00000000-0000-4000-8000-000000000000', text, signed(text))).status).toBe(404);
    expect((await postWebhook(t, `/webhooks/telegram/${channel.id}`, text, signed(text))).status).toBe(404);
  });
});
