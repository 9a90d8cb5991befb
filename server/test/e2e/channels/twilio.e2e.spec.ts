import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { twilioSignature } from '../../../src/modules/channels/adapters/twilio/twilio.signature';
import { startTwilioFake } from '../../support/fake-providers/twilio-fake';
import type { TwilioFake } from '../../support/fake-providers/twilio-fake';
import { buttonsBot, insertFlow } from '../../factories/flow-factory';
import { useTestApp } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';
import { countRows, createChannel, pathOf, postWebhook } from './channel-test-support';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'channels', 'twilio');
const ACCOUNT_SID = 'AC9422162090adb34a3297abb904571272';
const AUTH_TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const CUSTOMER = 'whatsapp:+5511999990001';

describe('Twilio WhatsApp channel: signed form in, numbered options out (Postgres)', () => {
  const t = useTestApp();
  let fake: TwilioFake;
  let channel: { id: string; webhookUrl: string };

  /** Twilio's own request: the form with a signature over the channel's public webhook URL. */
  const post = (form: string, signatureFor = form) => postWebhook(t, pathOf(channel.webhookUrl), form, {
    'content-type': 'application/x-www-form-urlencoded',
    'x-twilio-signature': twilioSignature(AUTH_TOKEN, channel.webhookUrl, new URLSearchParams(signatureFor)),
  });
  const form = (fields: Record<string, string>) => new URLSearchParams({
    AccountSid: ACCOUNT_SID, From: CUSTOMER, To: 'whatsapp:+5511999990000', WaId: '5511999990001', ProfileName: 'Maria Souza', NumMedia: '0', MessageType: 'text', ...fields,
  }).toString();

  beforeAll(async () => {
    fake = await startTwilioFake({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    const owner = await t.client.signup();
    await insertFlow(t.database.dataSource, owner.tenantId, buttonsBot());
    channel = await createChannel(t, owner.token, { type: 'twilio', name: 'Twilio', config: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: 'whatsapp:+5511999990000', apiBaseUrl: fake.url } });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('refuses a body whose signature does not match, and answers TwiML for a good one', async () => {
    const body = readFileSync(join(FIXTURES, 'whatsapp-text.txt'), 'utf8');
    expect((await post(body.replace('Maria', 'Mario'), body)).status).toBe(401);
    const accepted = await post(body);
    expect(accepted.status).toBe(200);
    expect(accepted.text).toContain('<Response></Response>');
    await waitFor(async () => fake.messages.length >= 1, 10_000, 'the first reply');
    expect(fake.messages[0]).toMatchObject({ to: CUSTOMER, from: 'whatsapp:+5511999990000', body: 'Qual é o seu nome?', statusCallback: channel.webhookUrl });
  });

  it('sends buttons as numbered options and reads "2" as the second option', async () => {
    expect((await post(form({ MessageSid: 'SM00000000000000000000000000000001', Body: 'Ana' }))).status).toBe(200);
    await waitFor(async () => fake.messages.length >= 2, 10_000, 'the menu');
    expect(fake.messages[1]!.body).toBe('Oi, Ana! O que deseja?\n1 - Preços\n2 - Horários\nResponda com o número da opção.');
    expect((await post(form({ MessageSid: 'SM00000000000000000000000000000002', Body: '2' }))).status).toBe(200);
    await waitFor(async () => fake.messages.length >= 3, 10_000, 'the chosen branch');
    expect(fake.messages[2]!.body).toBe('Das 8h às 18h');
  });

  it('applies signed status callbacks to the sent message', async () => {
    const sid = fake.messages[2]!.sid;
    // The provider's id is stored once the send returned, a moment after the fake saw it.
    await waitFor(async () => (await countRows(t, `SELECT 1 FROM messages WHERE external_id = $1`, [`${channel.id}:${sid}`])) === 1, 5_000, 'the sent message stored');
    // A status callback is about our message: From is the business number, To the customer.
    const status = { MessageSid: sid, MessageStatus: 'delivered', SmsStatus: 'delivered', From: 'whatsapp:+5511999990000', To: CUSTOMER };
    expect((await post(form(status))).status).toBe(200);
    const [row] = await t.database.dataSource.query(`SELECT status FROM messages WHERE external_id = $1`, [`${channel.id}:${sid}`]);
    expect(row.status).toBe('delivered');
    expect(await countRows(t, `SELECT 1 FROM messages WHERE direction = 'in' AND external_id LIKE $1`, [`${channel.id}:%`])).toBe(3);
  });

  it("refuses what the account's other numbers post here by mistake, messages and status callbacks alike, storing nothing", async () => {
    const otherNumber = 'whatsapp:+5511988880000';
    const message = await post(form({ MessageSid: 'SM00000000000000000000000000000009', Body: 'oi', To: otherNumber }));
    expect(message.status).toBe(401);
    expect(message.text).toContain(`This webhook is for ${otherNumber}, not this channel's number whatsapp:+5511999990000`);
    expect(await countRows(t, `SELECT 1 FROM messages WHERE external_id = $1`, [`${channel.id}:SM00000000000000000000000000000009`])).toBe(0);
    const sent = fake.messages[0]!.sid;
    const status = await post(form({ MessageSid: sent, MessageStatus: 'failed', SmsStatus: 'failed', ErrorCode: '63016', From: otherNumber, To: CUSTOMER }));
    expect(status.status).toBe(401);
    const [row] = await t.database.dataSource.query(`SELECT status FROM messages WHERE external_id = $1`, [`${channel.id}:${sent}`]);
    expect(row.status).not.toBe('failed');
  });
});
