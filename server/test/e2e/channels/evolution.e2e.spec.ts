import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEvolutionFake } from '../../support/fake-providers/evolution-fake';
import type { EvolutionFake } from '../../support/fake-providers/evolution-fake';
import { buttonsBot, insertFlow } from '../../factories/flow-factory';
import { createTestDatabase } from '../../support/test-database';
import { startTestApp, useTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';
import { countRows, createChannel, pathOf, postWebhook } from './channel-test-support';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'channels', 'evolution');
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as { data: { key: Record<string, unknown>; message: Record<string, unknown> } };
const JSON_HEADERS = { 'content-type': 'application/json' };
const API_KEY = 'E3B1C9A2-6F4D-4A8B-9C1E-2D7F5A0B8C34';

/** A customer text in the shape of the fixture, with its own id and words. */
function customerText(id: string, text: string) {
  const upsert = fixture('messages-upsert-text.json');
  upsert.data.key = { ...upsert.data.key, id };
  upsert.data.message = { conversation: text };
  return JSON.stringify(upsert);
}

async function evolutionChannel(t: TestApp, fake: EvolutionFake) {
  const owner = await t.client.signup();
  await insertFlow(t.database.dataSource, owner.tenantId, buttonsBot());
  const channel = await createChannel(t, owner.token, { type: 'evolution', name: 'WhatsApp (Evolution)', config: { baseUrl: fake.url, instance: 'clinica-sorriso', apiKey: API_KEY } });
  return { owner, channel };
}

describe('Evolution API channel (Postgres)', () => {
  const t = useTestApp();
  let fake: EvolutionFake;
  let channel: { id: string; webhookUrl: string };
  let owner: { token: string };

  beforeAll(async () => {
    fake = await startEvolutionFake({ apiKey: API_KEY, instance: 'clinica-sorriso' });
    ({ channel, owner } = await evolutionChannel(t, fake));
  });
  afterAll(async () => {
    await fake.close();
  });

  const sentTexts = () => fake.calls('message/sendText').map((call) => (call.body as { number: string; text: string }));

  it('refuses a webhook URL with the wrong token', async () => {
    const wrong = pathOf(channel.webhookUrl).replace(/\/[^/]+$/, '/not-the-token');
    expect((await postWebhook(t, wrong, customerText('3A000000000000000001', 'oi'), JSON_HEADERS)).status).toBe(401);
    expect(await countRows(t, `SELECT 1 FROM conversations WHERE channel_id = $1`, [channel.id])).toBe(0);
  });

  it('answers a customer through sendText and drops the echo of its own send', async () => {
    expect((await postWebhook(t, pathOf(channel.webhookUrl), readFileSync(join(FIXTURES, 'messages-upsert-text.json')), JSON_HEADERS)).status).toBe(200);
    await waitFor(async () => sentTexts().length === 1, 10_000, 'the question');
    expect(sentTexts()[0]).toEqual({ number: '5511999990001', text: 'Qual é o seu nome?' });
    expect(fake.calls('message/sendText')[0]!.headers.apikey).toBe(API_KEY);
    // The provider's id is stored once the send returned, a moment after the fake saw it.
    await waitFor(async () => (await countRows(t, `SELECT 1 FROM messages WHERE direction = 'out' AND channel = 'evolution'`, [])) === 1, 5_000, 'the sent message stored');
    const [sent] = await t.database.dataSource.query(`SELECT external_id FROM messages WHERE direction = 'out' AND channel = 'evolution'`);
    const echo = fixture('messages-upsert-fromme-phone.json');
    echo.data.key = { ...echo.data.key, id: String(sent.external_id).split(':')[1] };
    expect((await postWebhook(t, pathOf(channel.webhookUrl), JSON.stringify(echo), JSON_HEADERS)).status).toBe(200);
    const [conversation] = await t.database.dataSource.query(`SELECT bot_paused_until FROM conversations WHERE channel_id = $1`, [channel.id]);
    expect(conversation.bot_paused_until).toBeNull();
    expect(await countRows(t, `SELECT 1 FROM messages WHERE direction = 'out' AND channel = 'evolution'`, [])).toBe(1);
  });

  it('sends buttons as numbered options (Baileys delivers no buttons) and reads the answer', async () => {
    expect((await postWebhook(t, pathOf(channel.webhookUrl), customerText('3A000000000000000002', 'Ana'), JSON_HEADERS)).status).toBe(200);
    await waitFor(async () => sentTexts().length === 2, 10_000, 'the menu');
    expect(sentTexts()[1]!.text).toBe('Oi, Ana! O que deseja?\n1 - Preços\n2 - Horários\nResponda com o número da opção.');
    expect((await postWebhook(t, pathOf(channel.webhookUrl), customerText('3A000000000000000003', 'preços'), JSON_HEADERS)).status).toBe(200);
    await waitFor(async () => sentTexts().length === 3, 10_000, 'the branch');
    expect(sentTexts()[2]!.text).toBe('Consulta: R$ 150,00');
  });

  it('pauses the bot when the business answers from its own phone, and ignores group chats', async () => {
    const before = sentTexts().length;
    expect((await postWebhook(t, pathOf(channel.webhookUrl), readFileSync(join(FIXTURES, 'messages-upsert-fromme-phone.json')), JSON_HEADERS)).status).toBe(200);
    const [conversation] = await t.database.dataSource.query(`SELECT id, bot_paused_until FROM conversations WHERE channel_id = $1`, [channel.id]);
    expect(new Date(conversation.bot_paused_until).getTime()).toBeGreaterThan(Date.now() + 55 * 60_000);
    const [agent] = await t.database.dataSource.query(`SELECT content FROM messages WHERE conversation_id = $1 AND direction = 'out' ORDER BY seq DESC LIMIT 1`, [conversation.id]);
    expect(agent.content).toMatchObject({ kind: 'agent', by: 'business_phone', message: { text: 'Oi Maria, aqui é a Renata da recepção. Amanhã às 14h está confirmado! 😊' } });

    expect((await postWebhook(t, pathOf(channel.webhookUrl), customerText('3A000000000000000004', 'Obrigada!'), JSON_HEADERS)).status).toBe(200);
    expect((await postWebhook(t, pathOf(channel.webhookUrl), readFileSync(join(FIXTURES, 'messages-upsert-group.json')), JSON_HEADERS)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sentTexts().length).toBe(before);
    const [held] = await t.database.dataSource.query(`SELECT status FROM messages WHERE conversation_id = $1 AND direction = 'in' ORDER BY seq DESC LIMIT 1`, [conversation.id]);
    expect(held.status).toBe('held');
    expect(await countRows(t, `SELECT 1 FROM conversations WHERE channel_id = $1`, [channel.id])).toBe(1);
    const shown = await t.client.request('GET', `/api/conversations/${conversation.id}`, { token: owner.token });
    expect(shown.body.botPausedUntil).toBe(new Date(conversation.bot_paused_until).toISOString());
  });

  it('marks the channel disconnected when the phone logs the number out', async () => {
    expect((await postWebhook(t, pathOf(channel.webhookUrl), readFileSync(join(FIXTURES, 'connection-update-close-logged-out.json')), JSON_HEADERS)).status).toBe(200);
    const [row] = await t.database.dataSource.query(`SELECT status, status_detail FROM channels WHERE id = $1`, [channel.id]);
    expect(row).toEqual({ status: 'disconnected', status_detail: expect.stringMatching(/QR code/) });
  });
});

describe('Evolution API channel across a restart between inbound and delivery (Postgres + Redis)', () => {
  it('answers after the restart, once', async () => {
    const fake = await startEvolutionFake({ apiKey: API_KEY, instance: 'clinica-sorriso' });
    const database = await createTestDatabase('postgres');
    try {
      // The API process stores the message and queues the turn; nothing runs it before it stops.
      // On Redis, as a scaled-out deployment runs: BullMQ jobs, and the channel's pace kept in Redis.
      const api = await startTestApp({ database, runsWorker: false, redis: true });
      const { channel } = await evolutionChannel(api, fake);
      expect((await postWebhook(api, pathOf(channel.webhookUrl), readFileSync(join(FIXTURES, 'messages-upsert-text.json')), JSON_HEADERS)).status).toBe(200);
      await api.close();
      expect(fake.calls('message/sendText')).toHaveLength(0);

      const worker = await startTestApp({ database, redis: true });
      try {
        await waitFor(async () => fake.calls('message/sendText').length === 1, 10_000, 'the reply after the restart');
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(fake.calls('message/sendText').map((call) => (call.body as { text: string }).text)).toEqual(['Qual é o seu nome?']);
      } finally {
        await worker.close();
      }
    } finally {
      await database.close();
      await fake.close();
    }
  }, 30_000);
});
