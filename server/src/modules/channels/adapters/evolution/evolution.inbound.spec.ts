import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ParsedEvent } from '../channel-adapter';
import { parseEvolutionWebhook, verifyEvolutionJwt } from './evolution.inbound';

const FIXTURES_DIR = join(__dirname, '../../../../../test/fixtures/channels/evolution');
const fixtureBytes = (name: string): Buffer => readFileSync(join(FIXTURES_DIR, name));
/** The parts of fixtures' `data` the expectations quote. */
type FixtureData = { message: { conversation: string; base64: string; audioMessage: unknown }; qrcode: { code: string; base64: string } };
const fixtureData = (name: string): FixtureData => (JSON.parse(fixtureBytes(name).toString('utf8')) as { data: FixtureData }).data;

/** From the fixtures' README: signed with JWT_KEY at iat 1778591708, valid until exp 1778592308. */
const JWT_KEY = 'evo-jwt-test-key-clinica-sorriso-2026';
const FIXTURE_JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpYXQiOjE3Nzg1OTE3MDgsImV4cCI6MTc3ODU5MjMwOCwiYXBwIjoiZXZvbHV0aW9uIiwiYWN0aW9uIjoid2ViaG9vayJ9.D-COkndkmwr8sh87Qq4c4XoJF2FWxc63qLCCVBQpKRk';
const IAT_MS = 1778591708_000;
const EXP_MS = 1778592308_000;

function sign(claims: Record<string, unknown>, key = JWT_KEY, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const encode = (part: Record<string, unknown>) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const unsigned = `${encode(header)}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`;
}

describe('verifyEvolutionJwt', () => {
  it('accepts the fixture token inside [iat, exp]', () => {
    expect(verifyEvolutionJwt(`Bearer ${FIXTURE_JWT}`, JWT_KEY, IAT_MS)).toEqual({ ok: true });
    expect(verifyEvolutionJwt(`Bearer ${FIXTURE_JWT}`, JWT_KEY, EXP_MS)).toEqual({ ok: true });
  });

  it('allows 60 s of clock skew after exp, not more', () => {
    expect(verifyEvolutionJwt(`Bearer ${FIXTURE_JWT}`, JWT_KEY, EXP_MS + 60_000)).toEqual({ ok: true });
    expect(verifyEvolutionJwt(`Bearer ${FIXTURE_JWT}`, JWT_KEY, EXP_MS + 61_000)).toEqual({
      ok: false,
      reason: "Evolution webhook JWT: the JWT expired at 2026-05-12T13:25:08.000Z: check the Evolution server's clock (or the request is a replay)",
    });
  });

  it('rejects a token signed with another key, naming the setting to check', () => {
    const token = sign({ iat: 1778591708, exp: 1778592308, app: 'evolution', action: 'webhook' }, 'another-key');
    expect(verifyEvolutionJwt(`Bearer ${token}`, JWT_KEY, IAT_MS)).toEqual({
      ok: false,
      reason: 'Evolution webhook JWT: the JWT signature does not match: check that jwtKey equals the jwt_key in the instance webhook headers',
    });
  });

  it('rejects tampered claims and a re-encoded signature', () => {
    const [header, , signature] = FIXTURE_JWT.split('.');
    const forgedClaims = Buffer.from(JSON.stringify({ iat: 1778591708, exp: 1999999999, app: 'evolution', action: 'webhook' })).toString('base64url');
    expect(verifyEvolutionJwt(`Bearer ${header}.${forgedClaims}.${signature}`, JWT_KEY, IAT_MS).ok).toBe(false);
    // 'k' → 'l' changes only the unused low bits of the last base64url digit: same bytes, different text.
    expect(verifyEvolutionJwt(`Bearer ${FIXTURE_JWT.slice(0, -1)}l`, JWT_KEY, IAT_MS).ok).toBe(false);
  });

  it.each([
    ['a missing header', undefined, 'no "Authorization: Bearer <JWT>" header: check that the instance webhook headers contain jwt_key (needs Evolution 2.3+), or clear jwtKey on the channel'],
    ['another scheme', `Basic ${FIXTURE_JWT}`, 'no "Authorization: Bearer <JWT>" header: check that the instance webhook headers contain jwt_key (needs Evolution 2.3+), or clear jwtKey on the channel'],
    ['a token that is no JWT', 'Bearer not-a-jwt', 'the bearer token is not a JWT (three dot-separated parts)'],
    ['alg none', `Bearer ${sign({ exp: 1778592308, app: 'evolution' }, JWT_KEY, { alg: 'none' })}`, 'the JWT is not signed with HS256: check the Evolution version'],
    ['another issuer', `Bearer ${sign({ iat: 1778591708, exp: 1778592308, app: 'other' })}`, 'the JWT was not issued by Evolution (claim app must be "evolution")'],
    ['no exp', `Bearer ${sign({ iat: 1778591708, app: 'evolution' })}`, 'the JWT has no exp claim'],
    ['an iat an hour ahead', `Bearer ${sign({ iat: 1778595308, exp: 1778595908, app: 'evolution' })}`, "the JWT is issued in the future (2026-05-12T14:15:08.000Z): check the Evolution server's clock"],
  ])('rejects %s', (_label, authorization, reason) => {
    expect(verifyEvolutionJwt(authorization, JWT_KEY, IAT_MS)).toEqual({ ok: false, reason: `Evolution webhook JWT: ${reason}` });
  });
});

const now = new Date('2026-05-12T14:00:00.000Z');
const parse = (rawBody: Buffer) => parseEvolutionWebhook(rawBody, () => now.getTime());

const person = (digits: string, name?: string) => ({
  id: `${digits}@s.whatsapp.net`,
  ...(name ? { name } : {}),
  phone: digits,
  // The legacy 12-digit form of the same Brazilian mobile, as WhatsApp may address it.
  aliases: [`${digits.slice(0, 4)}${digits.slice(5)}@s.whatsapp.net`],
});
const chat = (jid: string, type: 'private' | 'group' = 'private') => ({ key: jid, externalChatId: jid, type });
const maria = person('5511999990001', 'Maria Souza');
const joao = person('5511999990002', 'João Pereira');
const carlos = person('5511999990004', 'Carlos Eduardo');

/** Omit distributed over the union, so that each kind keeps its own fields. */
type WithoutRaw<T> = T extends unknown ? Omit<T, 'raw'> : never;

/** Every fixture with the events it must give (without `raw`, checked below). */
const expected: Record<string, Array<WithoutRaw<ParsedEvent>>> = {
  'messages-upsert-text.json': [{
    kind: 'message', externalMessageId: '3A53E430494BDBAEBA80', direction: 'inbound', from: maria, conversation: chat('5511999990001@s.whatsapp.net'),
    type: 'text', text: 'Olá, quero agendar uma consulta amanhã às 14h', timestamp: '2026-05-12T13:15:07.000Z',
  }],
  // Same key.id 40 s later: the same event, so the host's dedupe key drops it.
  'messages-upsert-text-duplicate.json': [{
    kind: 'message', externalMessageId: '3A53E430494BDBAEBA80', direction: 'inbound', from: maria, conversation: chat('5511999990001@s.whatsapp.net'),
    type: 'text', text: 'Olá, quero agendar uma consulta amanhã às 14h', timestamp: '2026-05-12T13:15:07.000Z',
  }],
  'messages-upsert-image-caption.json': [{
    kind: 'message', externalMessageId: '03A6F9C282F1CAF0F1EDEFBA6F83A60B', direction: 'inbound', from: joao, conversation: chat('5511999990002@s.whatsapp.net'),
    type: 'image', text: 'Segue a foto do pedido médico da minha consulta de quinta 📄',
    media: { providerMediaId: '03A6F9C282F1CAF0F1EDEFBA6F83A60B', mime: 'image/jpeg' },
    replyTo: { externalMessageId: '3EB0F8B95BEEBB6B7339BB' }, timestamp: '2026-05-12T13:17:07.000Z',
  }],
  'messages-upsert-audio-ptt.json': [{
    kind: 'message', externalMessageId: '3A9B3EB8F51FEC6BF07B', direction: 'inbound', from: person('5511999990003', 'Ana Clara 🌻'), conversation: chat('5511999990003@s.whatsapp.net'),
    type: 'voice', media: { providerMediaId: '3A9B3EB8F51FEC6BF07B', mime: 'audio/ogg; codecs=opus', durationSec: 7, isVoiceNote: true },
    timestamp: '2026-05-12T13:20:07.000Z',
  }],
  // Typed on the clinic's phone: an echo; the customer stays `from`, without the clinic's pushName.
  'messages-upsert-fromme-phone.json': [{
    kind: 'message', externalMessageId: '5D76065DA668A67BC4C4A89221CDC7F1', direction: 'echo', from: person('5511999990001'), conversation: chat('5511999990001@s.whatsapp.net'),
    type: 'text', text: 'Oi Maria, aqui é a Renata da recepção. Amanhã às 14h está confirmado! 😊', timestamp: '2026-05-12T13:35:07.000Z',
  }],
  'messages-upsert-group.json': [{
    kind: 'message', externalMessageId: '3A9B3AE40C77A8DFCCD1', direction: 'inbound', from: person('5511999990005', 'Beatriz Lima'), conversation: chat('120363041829374651@g.us', 'group'),
    type: 'text', text: 'Pessoal, alguém sabe se a clínica abre no feriado de quinta? Preciso levar meu filho às 9h', timestamp: '2026-05-12T13:30:07.000Z',
  }],
  'messages-upsert-lid-only.json': [{
    kind: 'message', externalMessageId: 'F014BE8ECC85769741F6CDCD1FF53022', direction: 'inbound', from: { id: '104527839201847@lid', name: 'Fernanda' }, conversation: chat('104527839201847@lid'),
    type: 'text', text: 'Oi! Vi o anúncio de vocês no Instagram. Quanto custa a limpeza?', timestamp: '2026-05-12T13:50:07.000Z',
  }],
  'messages-upsert-list-response.json': [{
    kind: 'message', externalMessageId: 'CC0135B3D79ED30DB4D952EB3CE5B3F8', direction: 'inbound', from: carlos, conversation: chat('5511999990004@s.whatsapp.net'),
    type: 'interactive_reply', text: 'Quinta-feira, 14h00', interactive: { id: 'slot_2026-05-14T14:00', title: 'Quinta-feira, 14h00', source: 'list' },
    replyTo: { externalMessageId: '3EB05CA78A0C2BAA8DA1E0' }, timestamp: '2026-05-12T13:25:07.000Z',
  }],
  'messages-upsert-long-text.json': [{
    kind: 'message', externalMessageId: '3A3CC785F88D6397FC87', direction: 'inbound', from: maria, conversation: chat('5511999990001@s.whatsapp.net'),
    type: 'text', text: fixtureData('messages-upsert-long-text.json').message.conversation, timestamp: '2026-05-12T13:45:07.000Z',
  }],
  'messages-upsert-poll-vote.json': [{
    kind: 'message', externalMessageId: '4EB18FA2553E6825D5DFA3BABDB92DA9', direction: 'inbound', from: carlos, conversation: chat('5511999990004@s.whatsapp.net'),
    type: 'interactive_reply', text: 'Confirmar consulta', interactive: { id: 'Confirmar consulta', title: 'Confirmar consulta', source: 'poll' },
    replyTo: { externalMessageId: '3EB00C420C2238D9B38FEB' }, timestamp: '2026-05-12T13:25:47.000Z',
  }],
  'messages-upsert-sticker.json': [{
    kind: 'message', externalMessageId: 'B06254185F0F3545F698D78B40CB8B40', direction: 'inbound', from: joao, conversation: chat('5511999990002@s.whatsapp.net'),
    type: 'sticker', media: { providerMediaId: 'B06254185F0F3545F698D78B40CB8B40', mime: 'image/webp' }, timestamp: '2026-05-12T13:40:07.000Z',
  }],
  'messages-update-read.json': [{ kind: 'status', externalMessageId: '3EB09C9AC9F6C8FA2CC9EA', status: 'read', timestamp: '2026-05-12T14:00:00.000Z' }],
  'connection-update-open.json': [{ kind: 'connection', state: 'open' }],
  'connection-update-close-logged-out.json': [{ kind: 'connection', state: 'logged_out' }],
  'qrcode-updated.json': [{
    kind: 'connection', state: 'qr_required',
    qr: { code: fixtureData('qrcode-updated.json').qrcode.code, pngDataUrl: fixtureData('qrcode-updated.json').qrcode.base64, pairingCode: null },
  }],
  // Our own API send: its id came back from the send call already.
  'send-message-api.json': [],
};

describe('parseEvolutionWebhook: fixtures', () => {
  const fixtures = readdirSync(FIXTURES_DIR).filter((name) => name.endsWith('.json'));

  it('has an expectation for every fixture', () => {
    expect(fixtures.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(fixtures)('%s', (name) => {
    const result = parse(fixtureBytes(name));
    expect(result.accountId).toBe('clinica-sorriso');
    expect(result.events.map(({ raw: _raw, ...event }) => event)).toEqual(expected[name]);
  });

  it('keeps the provider item as raw', () => {
    expect(parse(fixtureBytes('messages-upsert-text.json')).events[0]!.raw).toEqual(fixtureData('messages-upsert-text.json'));
    expect(parse(fixtureBytes('messages-update-read.json')).events[0]!.raw).toEqual(fixtureData('messages-update-read.json'));
    expect(parse(fixtureBytes('connection-update-open.json')).events[0]!.raw).toEqual(fixtureData('connection-update-open.json'));
  });

  it('leaves the inline base64 media out of the event, saying it was there', () => {
    const data = fixtureData('messages-upsert-audio-ptt.json');
    const raw = parse(fixtureBytes('messages-upsert-audio-ptt.json')).events[0]!.raw as FixtureData;
    expect(raw.message.base64).toBe(`[omitted: ${data.message.base64.length} base64 characters]`);
    expect(raw.message.audioMessage).toEqual(data.message.audioMessage);
  });

  it('keeps long texts whole (the host splits only outbound text)', () => {
    const event = parse(fixtureBytes('messages-upsert-long-text.json')).events[0] as { text: string };
    expect(event.text).toHaveLength(5200);
  });
});
