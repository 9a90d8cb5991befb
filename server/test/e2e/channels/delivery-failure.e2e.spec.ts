import { TurnCoordinator } from '../../../src/runtime-host/turn-coordinator';
import { graphError, startWhatsAppCloudFake, whatsAppCloudFixture } from '../../support/fake-providers/whatsapp-cloud-fake';
import type { WhatsAppCloudFake } from '../../support/fake-providers/whatsapp-cloud-fake';
import { useTestApp } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';
import { countRows, createChannel, postWhatsAppCloud, publishFlow } from './channel-test-support';

/**
 * A message the channel refuses for good (WhatsApp 131047: more than 24 hours since the customer
 * wrote) sends the flow down the sending node's `error` port on the next turn: here, to an approved
 * template, which WhatsApp does deliver outside the window.
 */
const FOLLOW_UP_FLOW = {
  name: 'Retomada com modelo',
  graph: {
    schemaVersion: 1,
    nodes: [
      { id: 'start', type: 'fluxo.messageTrigger', typeVersion: 1, position: { x: 0, y: 0 }, config: { mode: 'any' } },
      { id: 'resposta', type: 'fluxo.sendMessage', typeVersion: 1, position: { x: 240, y: 0 }, config: { kind: 'text', text: 'Recebemos: {{ trigger.text }}' } },
      { id: 'aguarda', type: 'fluxo.askQuestion', typeVersion: 1, position: { x: 480, y: 0 }, config: { question: 'Mais alguma coisa?', answerType: 'text', variable: 'extra' } },
      { id: 'fim', type: 'fluxo.end', typeVersion: 1, position: { x: 720, y: 0 }, config: {} },
      {
        id: 'modelo', type: 'fluxo.sendMessage', typeVersion: 1, position: { x: 480, y: 200 },
        config: { kind: 'template', template: { name: 'retomar_conversa', language: 'pt_BR', parameters: ['{{ contact.name }}'] } },
      },
      { id: 'fim_modelo', type: 'fluxo.end', typeVersion: 1, position: { x: 720, y: 200 }, config: {} },
    ],
    edges: [
      { id: 'e0', source: 'start', sourcePort: 'out', target: 'resposta' },
      { id: 'e1', source: 'resposta', sourcePort: 'out', target: 'aguarda' },
      { id: 'e2', source: 'aguarda', sourcePort: 'out', target: 'fim' },
      { id: 'e3', source: 'resposta', sourcePort: 'error', target: 'modelo' },
      { id: 'e4', source: 'modelo', sourcePort: 'out', target: 'fim_modelo' },
    ],
    variables: [],
  },
};

/** The text fixture as another message (its own wamid and text). */
function customerMessage(wamid: string, text: string): Buffer {
  const body = JSON.parse(whatsAppCloudFixture('text.json').toString('utf8'));
  Object.assign(body.entry[0].changes[0].value.messages[0], { id: wamid, text: { body: text } });
  return Buffer.from(JSON.stringify(body));
}

describe('a permanently failed delivery takes the sending node\'s error port on the next turn (Postgres)', () => {
  const t = useTestApp();
  let fake: WhatsAppCloudFake;
  let owner: { token: string; tenantId: string };
  let channel: { id: string; webhookUrl: string };

  beforeAll(async () => {
    fake = await startWhatsAppCloudFake();
    owner = await t.client.signup();
    await publishFlow(t, owner.token, FOLLOW_UP_FLOW);
    channel = await createChannel(t, owner.token, { type: 'whatsapp_cloud', name: 'WhatsApp', config: fake.channelConfig() });
  });
  afterAll(async () => {
    await fake.close();
  });

  const send = (wamid: string, text: string) => postWhatsAppCloud(t, channel, customerMessage(wamid, text));
  const settled = () => waitFor(async () => (await countRows(t, `SELECT 1 FROM outbox WHERE status = 'pending'`, [])) === 0
    && (await countRows(t, `SELECT 1 FROM messages WHERE direction = 'in' AND status = 'received'`, [])) === 0, 10_000, 'the deliveries and turns done');

  it('sends the template from the error branch once, records the failure, and ends the run the question had left waiting', async () => {
    fake.failNextSend(graphError(131047, 'Re-engagement message', { details: 'More than 24 hours have passed since the recipient last replied.' }));
    await send('wamid.falha.1', 'Oi');
    await settled();
    await waitFor(async () => fake.sent().some((m) => m.body.type === 'template'), 10_000, 'the template sent');

    // The text was refused; the question behind it went out (a permanent failure lets the next message go); then the error branch's template.
    const calls = fake.bodies();
    expect(calls.map((body) => (body.type === 'text' ? (body.text as { body: string }).body : body.type))).toEqual(['Recebemos: Oi', 'Mais alguma coisa?', 'template']);
    expect(calls[2]).toMatchObject({ template: { name: 'retomar_conversa', language: { code: 'pt_BR' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Maria Souza' }] }] } });
    const [conversation] = await t.database.dataSource.query(`SELECT id, status, state FROM conversations WHERE channel_id = $1`, [channel.id]);
    // The question the text led to is abandoned: the run ended down the error branch.
    expect(conversation.status).toBe('ended');
    expect(conversation.state.nodes.resposta).toEqual({ error: { kind: 'provider', code: 'outside_window', message: expect.stringMatching(/24 hours/) } });
    const turns = await t.database.dataSource.query(`SELECT event, status, trace FROM turns WHERE conversation_id = $1 ORDER BY seq`, [conversation.id]);
    expect(turns.map((turn: { event: { type: string } }) => turn.event.type)).toEqual(['message', 'delivery_failed']);
    expect(turns[1].trace.map((step: { nodeId: string; port?: string }) => `${step.nodeId}:${step.port ?? ''}`)).toEqual(['resposta:error', 'modelo:out', 'fim_modelo:']);
    const api = await t.client.request('GET', `/api/conversations/${conversation.id}`, { token: owner.token });
    const failed = api.body.messages.filter((m: { status: string }) => m.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].deliveryError).toMatchObject({ category: 'outside_window' });
  });

  it('does nothing more when the conversation has moved on to another run by the time the failure is known', async () => {
    const [conversation] = await t.database.dataSource.query(`SELECT id FROM conversations WHERE channel_id = $1`, [channel.id]);
    const sentBefore = fake.sent().length;
    // A failure from an older version of the flow: the run it belonged to is gone.
    await t.database.dataSource.query(
      `INSERT INTO messages (tenant_id, conversation_id, direction, type, content, channel, external_id, status)
       SELECT $1, $2, 'in', 'delivery_failed', jsonb_build_object('kind', 'delivery_failed', 'outboxId', gen_random_uuid(), 'flowId', flow_id, 'version', 999,
              'nodeId', 'resposta', 'error', jsonb_build_object('code', 'blocked', 'message', 'The customer blocked the number.')), 'whatsapp_cloud', 'delivery_failed:old', 'received'
         FROM conversations WHERE id = $2`, [owner.tenantId, conversation.id]);
    await t.app.get(TurnCoordinator).runPendingTurns(conversation.id);
    const [last] = await t.database.dataSource.query(`SELECT event, status FROM turns WHERE conversation_id = $1 ORDER BY seq DESC LIMIT 1`, [conversation.id]);
    expect(last).toMatchObject({ event: { type: 'delivery_failed', version: 999 }, status: 'ignored' });
    expect(fake.sent().length).toBe(sentBefore);
  });

  it('a failed message from a node without an error port is recorded, and the run goes on waiting', async () => {
    const [before] = await t.database.dataSource.query(`SELECT id FROM conversations WHERE channel_id = $1`, [channel.id]);
    const sentBefore = fake.sent().length;
    const isQuestion = (body: Record<string, unknown>) => (body.text as { body?: string } | undefined)?.body === 'Mais alguma coisa?';
    fake.failNextSend(graphError(131026, 'Message undeliverable'), isQuestion);
    await send('wamid.falha.2', 'Oi de novo');
    await settled();
    await waitFor(async () => (await countRows(t, `SELECT 1 FROM turns WHERE conversation_id = $1 AND event ->> 'type' = 'delivery_failed'`, [before.id])) === 3, 10_000, 'the failure turn');
    // The text went out; the question did not, and askQuestion has no error port: the run still waits for the answer.
    expect(fake.sent().slice(sentBefore).map((m) => (m.body.text as { body?: string } | undefined)?.body)).toEqual(['Recebemos: Oi de novo']);
    const [conversation] = await t.database.dataSource.query(`SELECT status, state FROM conversations WHERE id = $1`, [before.id]);
    expect(conversation.status).toBe('waiting');
    expect(conversation.state.waiting).toMatchObject({ nodeId: 'aguarda' });
    const [last] = await t.database.dataSource.query(`SELECT status FROM turns WHERE conversation_id = $1 ORDER BY seq DESC LIMIT 1`, [before.id]);
    expect(last.status).toBe('ignored');
    expect(await countRows(t, `SELECT 1 FROM messages WHERE conversation_id = $1 AND direction = 'out' AND status = 'failed'`, [before.id])).toBe(2);
  });
});
