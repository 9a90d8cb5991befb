import { startWhatsAppCloudFake, whatsAppCloudFixture } from '../../support/fake-providers/whatsapp-cloud-fake';
import { startTestApp } from '../../support/test-app';
import { createTestDatabase } from '../../support/test-database';
import { waitFor } from '../../support/wait-for';
import { createChannel, postWhatsAppCloud, publishFlow, straightFlow } from './channel-test-support';

/** Two replies per message: the second is paced and sent after the first one's answer. */
const TWO_REPLIES_FLOW = straightFlow('Duas respostas', [
  { id: 'start', type: 'fluxo.messageTrigger', config: { mode: 'any' } },
  { id: 'primeira', type: 'fluxo.sendMessage', config: { kind: 'text', text: 'Recebemos: {{ trigger.text }}' } },
  { id: 'segunda', type: 'fluxo.sendMessage', config: { kind: 'text', text: 'Já te respondemos.' } },
  { id: 'fim', type: 'fluxo.end', config: {} },
]);

describe('a process stopped while it delivers (Postgres + Redis)', () => {
  it('finishes the running delivery, pacing included, before it closes its connections', async () => {
    const database = await createTestDatabase('postgres');
    const fake = await startWhatsAppCloudFake();
    try {
      const t = await startTestApp({ database, redis: true });
      try {
        const owner = await t.client.signup();
        await publishFlow(t, owner.token, TWO_REPLIES_FLOW);
        const channel = await createChannel(t, owner.token, { type: 'whatsapp_cloud', name: 'WhatsApp', config: fake.channelConfig() });
        fake.slowDown(1500);
        await postWhatsAppCloud(t, channel, whatsAppCloudFixture('text.json'));
        // The stop comes while the provider still holds the first reply: the second has not been paced yet.
        await waitFor(async () => fake.requests().length === 1, 10_000, 'the first reply on its way');
      } finally {
        await t.close();
      }
      expect(fake.bodies().map((body) => (body.text as { body: string }).body)).toEqual([expect.stringMatching(/^Recebemos: /), 'Já te respondemos.']);
      const rows = await database.dataSource.query(`SELECT status, last_error FROM outbox ORDER BY seq`);
      expect(rows).toEqual([{ status: 'sent', last_error: null }, { status: 'sent', last_error: null }]);
    } finally {
      await fake.close();
      await database.close();
    }
  });
});
