import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WebhookRequest } from '../channel-adapter';
import { WHATSAPP_CLOUD_FIXTURES_DIR, WHATSAPP_CLOUD_TEST, signWhatsAppCloudBody, whatsAppCloudFixture } from '../../../../../test/support/fake-providers/whatsapp-cloud-fake';
import { WhatsAppCloudAdapter } from './whatsapp-cloud.adapter';
import { verifyHandshake } from './whatsapp-cloud.verify';

const adapter = new WhatsAppCloudAdapter();
const config = { phoneNumberId: WHATSAPP_CLOUD_TEST.phoneNumberId, accessToken: 'EAA-token', appSecret: WHATSAPP_CLOUD_TEST.appSecret, verifyToken: WHATSAPP_CLOUD_TEST.verifyToken };

/** The README's "Expected signatures" table: file → header, as published with the fixtures. */
function readmeSignatures(): Array<[string, string]> {
  const readme = readFileSync(join(WHATSAPP_CLOUD_FIXTURES_DIR, 'README.md'), 'utf8');
  return [...readme.matchAll(/^\| `([\w-]+\.json)` \|.*\| `(sha256=[0-9a-f]{64})` \|$/gm)].map((match) => [match[1]!, match[2]!]);
}

function post(rawBody: Buffer, signature?: string): WebhookRequest {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== undefined) headers['x-hub-signature-256'] = signature;
  return { method: 'POST', rawBody, headers, query: {}, url: 'https://bot.example/webhooks/whatsapp_cloud/1' };
}

/** The query of the raw GET request Meta sends when the callback URL is saved. */
function handshakeQuery(): Record<string, string> {
  const requestLine = readFileSync(join(WHATSAPP_CLOUD_FIXTURES_DIR, 'verify-get-handshake.txt'), 'utf8').split('\r\n')[0]!;
  const target = requestLine.split(' ')[1]!;
  return Object.fromEntries(new URLSearchParams(target.slice(target.indexOf('?') + 1)));
}

describe('WhatsApp Cloud X-Hub-Signature-256', () => {
  const signatures = readmeSignatures();

  it('covers every JSON fixture with its published signature', () => {
    const files = readdirSync(WHATSAPP_CLOUD_FIXTURES_DIR).filter((name) => name.endsWith('.json')).sort();
    expect(signatures.map(([file]) => file).sort()).toEqual(files);
    expect(files).toHaveLength(16);
  });

  it.each(readmeSignatures())('%s passes with its README signature', (file, signature) => {
    const body = whatsAppCloudFixture(file);
    expect(adapter.verify(post(body, signature), config)).toEqual({ ok: true });
    // The helper later tests use to sign bodies agrees with Meta's published value.
    expect(signWhatsAppCloudBody(body)).toBe(signature);
  });

  it('fails when one byte of the body changes', () => {
    const body = Buffer.from(whatsAppCloudFixture('text.json'));
    const at = body.length - 5;
    body[at] = body[at]! ^ 0x01;
    const result = adapter.verify(post(body, signatures.find(([file]) => file === 'text.json')![1]), config);
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^the X-Hub-Signature-256 header does not match the body: check the channel's App Secret/) });
  });

  it('fails for the same text re-serialized, as a JSON middleware would do', () => {
    const reserialized = Buffer.from(JSON.stringify(JSON.parse(whatsAppCloudFixture('text.json').toString('utf8'))));
    const signature = signatures.find(([file]) => file === 'text.json')![1];
    expect(adapter.verify(post(reserialized, signature), config).ok).toBe(false);
  });

  it('fails without the header', () => {
    expect(adapter.verify(post(whatsAppCloudFixture('text.json')), config)).toEqual({ ok: false, reason: expect.stringMatching(/^the X-Hub-Signature-256 header is missing/) });
    expect(adapter.verify(post(whatsAppCloudFixture('text.json'), ''), config).ok).toBe(false);
  });

  it('fails for a SHA-1 signature, even a correct one', () => {
    const body = whatsAppCloudFixture('text.json');
    const sha1 = `sha1=${createHmac('sha1', WHATSAPP_CLOUD_TEST.appSecret).update(body).digest('hex')}`;
    expect(adapter.verify(post(body, sha1), config)).toEqual({ ok: false, reason: expect.stringContaining('must start with "sha256="') });
  });

  it.each([
    ['too short', 'sha256=abcdef'],
    ['too long', `${signWhatsAppCloudBody('x')}00`],
    ['not hex', `sha256=${'z'.repeat(64)}`],
  ])('fails for a malformed signature (%s)', (_case, signature) => {
    expect(adapter.verify(post(whatsAppCloudFixture('text.json'), signature), config)).toEqual({ ok: false, reason: expect.stringContaining('is malformed') });
  });

  it('fails with the wrong App Secret', () => {
    const body = whatsAppCloudFixture('image-caption.json');
    const signature = signatures.find(([file]) => file === 'image-caption.json')![1];
    const result = adapter.verify(post(body, signature), { ...config, appSecret: 'another-app-secret' });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('another-app-secret');
  });

  it('accepts an upper-case hex digest', () => {
    const body = whatsAppCloudFixture('text.json');
    expect(adapter.verify(post(body, `sha256=${signWhatsAppCloudBody(body).slice(7).toUpperCase()}`), config)).toEqual({ ok: true });
  });

  it('throws on a config without an App Secret, naming the field', () => {
    expect(() => adapter.verify(post(whatsAppCloudFixture('text.json'), 'sha256=00'), { ...config, appSecret: '' })).toThrow(/appSecret is required/);
  });
});

describe('WhatsApp Cloud GET handshake', () => {
  const query = handshakeQuery();

  it('reads the fixture as Meta sends it', () => {
    expect(query).toEqual({ 'hub.mode': 'subscribe', 'hub.challenge': '1158201444', 'hub.verify_token': 'verifica-clinica-sorriso-2026' });
  });

  it('answers the challenge with the right verify token', () => {
    expect(verifyHandshake(query, config)).toEqual({ ok: true, challenge: '1158201444' });
  });

  it.each([
    ['a wrong token', { 'hub.verify_token': 'verifica-clinica-sorriso-2025' }, /hub.verify_token does not match/],
    ['a longer token', { 'hub.verify_token': 'verifica-clinica-sorriso-2026x' }, /hub.verify_token does not match/],
    ['no token', { 'hub.verify_token': undefined }, /hub.verify_token does not match/],
    ['another mode', { 'hub.mode': 'unsubscribe' }, /hub.mode must be "subscribe"/],
    ['no mode', { 'hub.mode': undefined }, /hub.mode must be "subscribe"/],
    ['no challenge', { 'hub.challenge': undefined }, /hub.challenge is missing/],
  ])('refuses %s', (_case, change, reason) => {
    const result = verifyHandshake({ ...query, ...change }, config);
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(reason) });
    expect(JSON.stringify(result)).not.toContain(WHATSAPP_CLOUD_TEST.verifyToken);
  });

  it('lets verify() pass a GET only when it is a valid handshake', () => {
    const get = (q: Record<string, string>): WebhookRequest => ({ method: 'GET', rawBody: Buffer.alloc(0), headers: {}, query: q, url: 'https://bot.example/webhooks/whatsapp_cloud/1' });
    expect(adapter.verify(get(query), config)).toEqual({ ok: true });
    expect(adapter.verify(get({ ...query, 'hub.verify_token': 'nope' }), config)).toEqual({ ok: false, reason: expect.stringMatching(/hub.verify_token does not match/) });
  });
});
