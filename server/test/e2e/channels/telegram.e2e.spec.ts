import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTelegramFake } from '../../support/fake-providers/telegram-fake';
import type { TelegramFake } from '../../support/fake-providers/telegram-fake';
import { useTestApp } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';
import { clinicGreetingFor, countRows, createChannel, pathOf, postWebhook, publishExample } from './channel-test-support';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'channels', 'telegram');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const BOT_TOKEN = '7712345601:AAEtestTokenClinicaSorriso_0123456789x';
const SECRET = 'tg_Secr3t-Clinica_Sorriso_2026';
const withSecret = (secret = SECRET) => ({ 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret });

describe('Telegram channel: webhook in, clinic flow, reply out (Postgres)', () => {
  const t = useTestApp();
  let fake: TelegramFake;
  let owner: { token: string; tenantId: string };
  let channel: { id: string; webhookUrl: string };
  let clinic: Awaited<ReturnType<typeof publishExample>>;

  beforeAll(async () => {
    fake = await startTelegramFake({ botToken: BOT_TOKEN });
    owner = await t.client.signup();
    clinic = await publishExample(t, owner.token, 'clinic-menu');
    channel = await createChannel(t, owner.token, { type: 'telegram', name: 'Bot da clínica', config: { botToken: BOT_TOKEN, secretToken: SECRET, apiBaseUrl: fake.url } });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('registers its webhook with the secret through the activate action', async () => {
    const activated = await t.client.request('POST', `/api/channels/${channel.id}/activate`, { token: owner.token });
    expect(activated.status).toBe(200);
    expect(activated.body.status).toBe('active');
    expect(fake.calls('setWebhook').map((call) => call.body)).toEqual([expect.objectContaining({ url: channel.webhookUrl, secret_token: SECRET })]);
  });

  it('refuses an update without the secret header, and stores nothing', async () => {
    expect((await postWebhook(t, pathOf(channel.webhookUrl), fixture('message-text.json'), withSecret('wrong'))).status).toBe(401);
    expect((await postWebhook(t, pathOf(channel.webhookUrl), fixture('message-text.json'), { 'content-type': 'application/json' })).status).toBe(401);
    expect(await countRows(t, `SELECT 1 FROM conversations WHERE channel_id = $1`, [channel.id])).toBe(0);
  });

  it('runs the clinic flow and sends its replies with sendMessage to the chat, once for a re-delivered update', async () => {
    expect((await postWebhook(t, pathOf(channel.webhookUrl), fixture('message-text.json'), withSecret())).status).toBe(200);
    expect((await postWebhook(t, pathOf(channel.webhookUrl), fixture('message-text-duplicate.json'), withSecret())).status).toBe(200);
    await waitFor(async () => fake.calls('sendMessage').length >= 1 && (await countRows(t, `SELECT 1 FROM outbox WHERE status = 'pending'`, [])) === 0, 10_000, 'the replies');
    const [conversation] = await t.database.dataSource.query(`SELECT id, reply_address FROM conversations WHERE channel_id = $1`, [channel.id]);
    expect(conversation.reply_address).toBe('5123456701');
    const first = fake.calls('sendMessage')[0]!;
    expect(first.path).toBe(`/bot${BOT_TOKEN}/sendMessage`);
    expect(first.body).toMatchObject({ chat_id: 5123456701, text: await clinicGreetingFor(t, conversation.id, clinic.graph) });
    expect(await countRows(t, `SELECT 1 FROM turns WHERE conversation_id = $1`, [conversation.id])).toBe(1);
    const [contact] = await t.database.dataSource.query(`SELECT k.name FROM contacts k JOIN conversations c ON c.contact_id = k.id WHERE c.id = $1`, [conversation.id]);
    expect(contact.name).toBe('Maria Souza');
  });

  it('answers a pressed inline button so it stops spinning, and ignores group chats unless enabled', async () => {
    expect((await postWebhook(t, pathOf(channel.webhookUrl), fixture('callback-query.json'), withSecret())).status).toBe(200);
    await waitFor(async () => fake.calls('answerCallbackQuery').length === 1, 5_000, 'the callback answer');
    expect((await postWebhook(t, pathOf(channel.webhookUrl), fixture('message-group.json'), withSecret())).status).toBe(200);
    expect(await countRows(t, `SELECT 1 FROM conversations WHERE channel_id = $1 AND reply_address LIKE '-%'`, [channel.id])).toBe(0);
  });
});
