import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WebhookRequest } from '../channel-adapter';
import { TwilioAdapter } from './twilio.adapter';
import { twilioSignature } from './twilio.signature';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/channels/twilio');
const CONFIG = { accountSid: 'AC9422162090adb34a3297abb904571272', authToken: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', from: 'whatsapp:+5511999990000' };
const URL = 'https://api.exemplo-bot.com.br/webhooks/twilio/whatsapp?tenant=clinica-sorriso';

const webhook = (file: string, signature?: string): WebhookRequest => ({
  method: 'POST',
  rawBody: readFileSync(join(FIXTURES, file)),
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature ? { 'x-twilio-signature': signature } : {}) },
  query: { tenant: 'clinica-sorriso' },
  url: URL,
});

describe('TwilioAdapter', () => {
  const adapter = new TwilioAdapter({ now: () => new Date('2026-05-12T13:15:22.000Z') });

  it("is the 'twilio' channel", () => {
    expect(adapter.type).toBe('twilio');
  });

  it('has WhatsApp capabilities for a whatsapp: sender: no buttons or lists without ContentSid, 24-hour window', () => {
    expect(adapter.capabilities(CONFIG)).toEqual({
      maxTextLength: 1600,
      maxButtons: 0,
      buttonTitleMax: 0,
      maxListRows: 0,
      listRowTitleMax: 0,
      media: true,
      location: false,
      templates: false,
      typing: false,
      serviceWindow: true,
    });
  });

  it('has no service window for an SMS sender', () => {
    expect(adapter.capabilities({ ...CONFIG, from: '+5511999990000' }).serviceWindow).toBe(false);
    expect(adapter.capabilities({}).serviceWindow).toBe(false);
  });

  it('verifies with the config Auth Token', () => {
    expect(adapter.verify(webhook('whatsapp-text.txt', 'MZVAW9vhieR66aJ3NRKoEp1hCVM='), CONFIG)).toEqual({ ok: true });
    expect(adapter.verify(webhook('whatsapp-text.txt', 'MZVAW9vhieR66aJ3NRKoEp1hCVM='), { ...CONFIG, authToken: 'other' }).ok).toBe(false);
    expect(adapter.verify(webhook('whatsapp-text.txt'), CONFIG)).toMatchObject({ ok: false, reason: expect.stringMatching(/^X-Twilio-Signature header missing/) });
  });

  it("refuses a signed webhook about another number of the account: a message's To, a status callback's From", () => {
    const other = { ...CONFIG, from: 'whatsapp:+5511988880000' };
    expect(adapter.verify(webhook('whatsapp-text.txt', 'MZVAW9vhieR66aJ3NRKoEp1hCVM='), other)).toEqual({
      ok: false, reason: "This webhook is for whatsapp:+5511999990000, not this channel's number whatsapp:+5511988880000: point that number's webhook at the URL of its own channel.",
    });
    const status = readFileSync(join(FIXTURES, 'status-delivered.txt'), 'utf8');
    const signed = (body: string): WebhookRequest => ({ ...webhook('status-delivered.txt'), rawBody: Buffer.from(body),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(CONFIG.authToken, URL, new URLSearchParams(body)) } });
    expect(adapter.verify(signed(status), CONFIG)).toEqual({ ok: true });
    expect(adapter.verify(signed(status), other).ok).toBe(false);
    // An SMS number is named without the whatsapp: prefix.
    const sms = readFileSync(join(FIXTURES, 'sms-text.txt'), 'utf8');
    expect(adapter.verify(signed(sms), { ...CONFIG, from: '+5511999990000' })).toEqual({ ok: true });
    expect(adapter.verify(signed(sms), CONFIG).ok).toBe(false);
  });

  it('refuses to verify with an unusable config, naming the field and not the secret', () => {
    const result = adapter.verify(webhook('whatsapp-text.txt', 'MZVAW9vhieR66aJ3NRKoEp1hCVM='), { ...CONFIG, authToken: '' });
    expect(result).toEqual({ ok: false, reason: "The Twilio channel's config is invalid: authToken: the Auth Token is required." });
  });

  it('parses with its clock and names the account', () => {
    const result = adapter.parse(webhook('whatsapp-text.txt'), CONFIG);
    expect(result.accountId).toBe('AC9422162090adb34a3297abb904571272');
    expect(result.events).toMatchObject([{ kind: 'message', externalMessageId: 'SM2eb3e3e5d0ba320a99b77e883d8ae72d', timestamp: '2026-05-12T13:15:22.000Z' }]);
  });

  it('stamps events with the real time by default', () => {
    const before = Date.now();
    const [event] = new TwilioAdapter().parse(webhook('status-read.txt'), CONFIG).events;
    const stamped = Date.parse((event as { timestamp: string }).timestamp);
    expect(stamped).toBeGreaterThanOrEqual(before);
    expect(stamped).toBeLessThanOrEqual(Date.now());
  });
});

describe('TwilioAdapter.resolveMedia', () => {
  const adapter = new TwilioAdapter();
  const media = `https://api.twilio.com/2010-04-01/Accounts/${CONFIG.accountSid}/Messages/MM49fd1d4868e517c1710705e6d208aab7/Media/MEd0ee3031602db0f282c2c043fedbe80f`;
  const basic = `Basic ${Buffer.from(`${CONFIG.accountSid}:${CONFIG.authToken}`).toString('base64')}`;

  it("adds the account's Basic auth to its media URL", async () => {
    expect(await adapter.resolveMedia(media, CONFIG)).toEqual({ url: media, headers: { authorization: basic } });
  });

  it('also serves media from the configured API base (a local fake)', async () => {
    const local = `http://127.0.0.1:4010/2010-04-01/Accounts/${CONFIG.accountSid}/Messages/MM1/Media/ME1`;
    expect(await adapter.resolveMedia(local, { ...CONFIG, apiBaseUrl: 'http://127.0.0.1:4010' })).toEqual({ url: local, headers: { authorization: basic } });
  });

  it.each([
    ['another host', media.replace('api.twilio.com', 'evil.example')],
    ['http instead of https', media.replace('https://', 'http://')],
    ['another account', media.replace(CONFIG.accountSid, 'AC00000000000000000000000000000000')],
    ['not a URL', 'ME123'],
  ])('never sends the credentials to %s', async (_name, url) => {
    const error = await adapter.resolveMedia(url, CONFIG).then(
      () => undefined,
      (reason: Error) => reason,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).not.toContain(CONFIG.authToken);
  });
});
