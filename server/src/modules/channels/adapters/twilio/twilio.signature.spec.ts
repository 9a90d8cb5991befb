import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WebhookRequest } from '../channel-adapter';
import { signedUrlCandidates, twilioSignature, verifyTwilioSignature } from './twilio.signature';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/channels/twilio');
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));

// From the fixture README: the test Auth Token and the URLs each fixture was signed for.
const TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const BASE = 'https://api.exemplo-bot.com.br/webhooks/twilio';
const URLS = {
  whatsapp: `${BASE}/whatsapp?tenant=clinica-sorriso`,
  sms: `${BASE}/sms?tenant=clinica-sorriso`,
  status: `${BASE}/status?tenant=clinica-sorriso`,
};

const SIGNED: Array<[string, keyof typeof URLS, string]> = [
  ['whatsapp-audio-voice.txt', 'whatsapp', 'IQziIPd6e9jQ4AKp6IpDcCEviBI='],
  ['whatsapp-button-reply.txt', 'whatsapp', 'iUXNRlWybsdD9UaOaEpAqmBbwj0='],
  ['whatsapp-image-caption.txt', 'whatsapp', 'gM532OcX3nQbh+nuToKqxFhQBkI='],
  ['whatsapp-location.txt', 'whatsapp', '532E9iCBq9fu9QP46YrNDldf8is='],
  ['whatsapp-long-text.txt', 'whatsapp', 'PEflBc512ZkRBUZe3Be4O0oJd5s='],
  ['whatsapp-sticker.txt', 'whatsapp', 'MgptK7Kh6Q3WelEe1ef70jReHPE='],
  ['whatsapp-text-duplicate.txt', 'whatsapp', 'MZVAW9vhieR66aJ3NRKoEp1hCVM='],
  ['whatsapp-text.txt', 'whatsapp', 'MZVAW9vhieR66aJ3NRKoEp1hCVM='],
  ['sms-text.txt', 'sms', 'mgrVaE3vAcDjOWthbuzpsSqio4Q='],
  ['status-delivered.txt', 'status', '8oUP0F11SZVHvxV2HhJnBYdH58M='],
  ['status-failed-63016.txt', 'status', 't1PL0OZiS5AGN+c5m/rxVnllA/I='],
  ['status-read.txt', 'status', '9tCRELgnKU+O9CaXOvONiN6huDk='],
  ['status-sent.txt', 'status', 'Bfsga6IZQqBEUFH52GVIcdEXpkc='],
];

function request(rawBody: Buffer | string, url: string, signature?: string, method = 'POST'): WebhookRequest {
  return {
    method,
    rawBody: Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody, 'utf8'),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature !== undefined ? { 'x-twilio-signature': signature } : {}) },
    query: {},
    url,
  };
}

const failed = (result: ReturnType<typeof verifyTwilioSignature>): string => (result.ok ? 'passed' : result.reason);

describe('twilioSignature', () => {
  it("reproduces Twilio's published example", () => {
    const params = new URLSearchParams({ CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' });
    expect(twilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
  });

  it('signs a repeated name once per distinct value, values sorted, whatever order they came in', () => {
    const url = 'https://example.com/hook';
    const expected = twilioSignature(TOKEN, url, new URLSearchParams('A=1&MediaUrl=a&MediaUrl=b'));
    expect(twilioSignature(TOKEN, url, new URLSearchParams('MediaUrl=b&A=1&MediaUrl=a'))).toBe(expected);
    expect(twilioSignature(TOKEN, url, new URLSearchParams('MediaUrl=b&MediaUrl=a&MediaUrl=b&A=1'))).toBe(expected);
  });
});

describe('verifyTwilioSignature', () => {
  it.each(SIGNED)('%s passes with its README signature', (file, kind, signature) => {
    expect(verifyTwilioSignature(request(fixture(file), URLS[kind], signature), TOKEN)).toEqual({ ok: true });
  });

  it('fails when a parameter value changed', () => {
    const body = fixture('whatsapp-text.txt').toString('utf8').replace('14h', '15h');
    expect(failed(verifyTwilioSignature(request(body, URLS.whatsapp, 'MZVAW9vhieR66aJ3NRKoEp1hCVM='), TOKEN))).toMatch(/does not match/);
  });

  it('fails when an empty parameter was dropped (empty values still sign their name)', () => {
    const body = fixture('sms-text.txt').toString('utf8').replace('FromZip=&', '');
    expect(body).not.toContain('FromZip');
    expect(verifyTwilioSignature(request(body, URLS.sms, 'mgrVaE3vAcDjOWthbuzpsSqio4Q='), TOKEN).ok).toBe(false);
  });

  it.each([
    ['http instead of https', URLS.whatsapp.replace('https://', 'http://')],
    ['another host', URLS.whatsapp.replace('api.exemplo-bot.com.br', 'exemplo-bot.com.br')],
    ['no query string', `${BASE}/whatsapp`],
    ['another path', URLS.sms],
    ['a trailing slash', `${BASE}/whatsapp/?tenant=clinica-sorriso`],
    ['a non-default port', URLS.whatsapp.replace('.com.br/', '.com.br:8443/')],
  ])('fails for a different URL: %s', (_name, url) => {
    expect(verifyTwilioSignature(request(fixture('whatsapp-text.txt'), url, 'MZVAW9vhieR66aJ3NRKoEp1hCVM='), TOKEN).ok).toBe(false);
  });

  it('passes with the default port written out, as Twilio sometimes signs it', () => {
    const url = URLS.whatsapp.replace('.com.br/', '.com.br:443/');
    expect(verifyTwilioSignature(request(fixture('whatsapp-text.txt'), url, 'MZVAW9vhieR66aJ3NRKoEp1hCVM='), TOKEN)).toEqual({ ok: true });
  });

  it('fails with another token', () => {
    expect(verifyTwilioSignature(request(fixture('whatsapp-text.txt'), URLS.whatsapp, 'MZVAW9vhieR66aJ3NRKoEp1hCVM='), 'f'.repeat(32)).ok).toBe(false);
  });

  it('fails without the header, or with an empty or malformed one, and says what to check', () => {
    const missing = failed(verifyTwilioSignature(request(fixture('whatsapp-text.txt'), URLS.whatsapp), TOKEN));
    expect(missing).toMatch(/^X-Twilio-Signature header missing/);
    expect(missing).toContain('Auth Token');
    expect(missing).toContain('PUBLIC_URL');
    expect(failed(verifyTwilioSignature(request(fixture('whatsapp-text.txt'), URLS.whatsapp, ''), TOKEN))).toMatch(/header missing/);
    const wrong = failed(verifyTwilioSignature(request(fixture('whatsapp-text.txt'), URLS.whatsapp, 'not-base64'), TOKEN));
    expect(wrong).toBe(
      `X-Twilio-Signature does not match ${URLS.whatsapp}: check the channel's Auth Token (the account's primary token) and the server's PUBLIC_URL: ` +
        'Twilio signs the exact public URL it called (scheme, host, port, path and query).',
    );
    expect(wrong).not.toContain(TOKEN);
  });

  it('signs only the URL of a GET', () => {
    const url = `${BASE}/whatsapp?MessageSid=SM1&Body=oi`;
    const signature = twilioSignature(TOKEN, url, new URLSearchParams());
    expect(verifyTwilioSignature(request('', url, signature, 'GET'), TOKEN)).toEqual({ ok: true });
  });

  it('checks a JSON body against the bodySHA256 of the signed URL', () => {
    const body = '{"CallSid":"CA1234567890ABCDE","Caller":"+12349013030"}';
    const url = `${BASE}/json?bodySHA256=${createHash('sha256').update(body).digest('hex')}`;
    const signature = twilioSignature(TOKEN, url, new URLSearchParams());
    expect(verifyTwilioSignature(request(body, url, signature), TOKEN)).toEqual({ ok: true });
    expect(failed(verifyTwilioSignature(request(body.replace('CA12', 'CA99'), url, signature), TOKEN))).toMatch(/bodySHA256/);
  });
});

describe('signedUrlCandidates', () => {
  it.each([
    ['https://h.example/x?a=1', ['https://h.example/x?a=1', 'https://h.example:443/x?a=1']],
    ['https://h.example:443/x', ['https://h.example:443/x', 'https://h.example/x']],
    ['http://h.example/x', ['http://h.example/x', 'http://h.example:80/x']],
    ['https://h.example:8443/x', ['https://h.example:8443/x']],
    ['https://[::1]/x', ['https://[::1]/x', 'https://[::1]:443/x']],
    ['https://h.example/a%2Fb?q=%C3%A1', ['https://h.example/a%2Fb?q=%C3%A1', 'https://h.example:443/a%2Fb?q=%C3%A1']],
  ])('%s → %j', (url, expected) => {
    expect(signedUrlCandidates(url)).toEqual(expected);
  });
});
