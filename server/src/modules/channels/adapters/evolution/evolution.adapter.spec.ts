import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { EvolutionFake } from '../../../../../test/support/fake-providers/evolution-fake';
import { startEvolutionFake } from '../../../../../test/support/fake-providers/evolution-fake';
import type { ChannelAdapter, WebhookRequest } from '../channel-adapter';
import { EvolutionAdapter } from './evolution.adapter';

const FIXTURES_DIR = join(__dirname, '../../../../../test/fixtures/channels/evolution');
/** From the fixtures' README (test values only). */
const JWT_KEY = 'evo-jwt-test-key-clinica-sorriso-2026';
const FIXTURE_JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpYXQiOjE3Nzg1OTE3MDgsImV4cCI6MTc3ODU5MjMwOCwiYXBwIjoiZXZvbHV0aW9uIiwiYWN0aW9uIjoid2ViaG9vayJ9.D-COkndkmwr8sh87Qq4c4XoJF2FWxc63qLCCVBQpKRk';
const config = { baseUrl: 'https://evo.exemplo-bot.com.br', instance: 'clinica-sorriso', apiKey: 'E3B1C9A2-6F4D-4A8B-9C1E-2D7F5A0B8C34' };

function webhook(name: string, headers: Record<string, string> = {}): WebhookRequest {
  return {
    method: 'POST',
    rawBody: readFileSync(join(FIXTURES_DIR, name)),
    headers: { 'content-type': 'application/json', 'user-agent': 'axios/1.7.9', ...headers },
    query: {},
    url: 'https://fluxo.example.com/webhooks/evolution/ch_1/tok',
  };
}

/** At the fixture JWT's iat (2026-05-12T13:15:08Z), when messages-upsert-text.json was posted. */
const adapter: ChannelAdapter = new EvolutionAdapter({ now: () => new Date(1778591708_000) });

describe('EvolutionAdapter', () => {
  it('is the evolution channel', () => {
    expect(adapter.type).toBe('evolution');
  });

  it('declares what Baileys can show: no buttons or lists, so the host sends numbered options', () => {
    expect(adapter.capabilities(config)).toEqual({
      maxTextLength: 4096, maxButtons: 0, buttonTitleMax: 0, maxListRows: 0, listRowTitleMax: 0,
      media: true, location: true, templates: false, typing: true, serviceWindow: false,
    });
  });

  describe('verify', () => {
    it('accepts without jwtKey: the host has checked the URL token', () => {
      expect(adapter.verify(webhook('messages-upsert-text.json'), config)).toEqual({ ok: true });
    });

    it('accepts the valid JWT when jwtKey is set', () => {
      expect(adapter.verify(webhook('messages-upsert-text.json', { authorization: `Bearer ${FIXTURE_JWT}` }), { ...config, jwtKey: JWT_KEY })).toEqual({ ok: true });
    });

    it('rejects a missing JWT when jwtKey is set', () => {
      expect(adapter.verify(webhook('messages-upsert-text.json'), { ...config, jwtKey: JWT_KEY })).toMatchObject({ ok: false, reason: expect.stringContaining('jwt_key') });
    });

    it('rejects the JWT once expired', () => {
      const later = new EvolutionAdapter({ now: () => new Date('2026-05-12T13:30:00.000Z') });
      expect(later.verify(webhook('messages-upsert-text.json', { authorization: `Bearer ${FIXTURE_JWT}` }), { ...config, jwtKey: JWT_KEY })).toEqual({
        ok: false, reason: "Evolution webhook JWT: the JWT expired at 2026-05-12T13:25:08.000Z: check the Evolution server's clock (or the request is a replay)",
      });
    });

    it('rejects a JWT signed with another key', () => {
      const result = adapter.verify(webhook('messages-upsert-text.json', { authorization: `Bearer ${FIXTURE_JWT}` }), { ...config, jwtKey: 'rotated-key' });
      expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('signature does not match') });
    });

    it('throws on a broken config (a host bug, not a bad request)', () => {
      expect(() => adapter.verify(webhook('messages-upsert-text.json'), { ...config, baseUrl: 'nope' })).toThrow(/^Evolution channel config is invalid: baseUrl/);
    });
  });

  it('parses from the raw body and names the instance as accountId', () => {
    const result = adapter.parse(webhook('messages-upsert-text.json'), config);
    expect(result.accountId).toBe('clinica-sorriso');
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({ kind: 'message', externalMessageId: '3A53E430494BDBAEBA80', timestamp: '2026-05-12T13:15:07.000Z' });
  });
});

describe('the Evolution fake', () => {
  let fake: EvolutionFake;
  beforeAll(async () => {
    fake = await startEvolutionFake({ apiKey: 'k', instance: 'clinica-sorriso' });
  });
  afterAll(() => fake.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = { apikey: 'k' }) =>
    fetch(`${fake.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('answers a send with the upsert of the created message', async () => {
    const response = await post('/message/sendText/clinica-sorriso', { number: '5511999990001', text: 'oi' });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      key: { remoteJid: '5511999990001@s.whatsapp.net', fromMe: true, id: '3EB0000000000000000001' },
      pushName: '', status: 'PENDING', message: { conversation: 'oi' }, messageType: 'conversation',
      messageTimestamp: expect.any(Number), instanceId: '5f0c2a9e-7d41-4b8e-9a3c-1e6b2d8f4a70', source: 'web',
    });
  });

  it.each([
    ['no apikey', '/message/sendText/clinica-sorriso', { number: '1', text: 'x' }, {}, 401],
    ['another instance', '/message/sendText/outra', { number: '1', text: 'x' }, { apikey: 'k' }, 404],
    ['an unknown endpoint', '/message/sendSticker/clinica-sorriso', { number: '1' }, { apikey: 'k' }, 404],
    ['a missing property', '/message/sendText/clinica-sorriso', { number: '1' }, { apikey: 'k' }, 400],
  ])('refuses %s', async (_label, path, body, headers, status) => {
    expect((await post(path, body, headers)).status).toBe(status);
  });
});
