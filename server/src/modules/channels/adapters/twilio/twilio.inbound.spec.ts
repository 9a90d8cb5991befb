import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedEvent, WebhookRequest } from '../channel-adapter';
import { mediaTypeOf, parseTwilioWebhook } from './twilio.inbound';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/channels/twilio');
const NOW = new Date('2026-05-12T13:15:22.000Z');
const ACCOUNT = 'AC9422162090adb34a3297abb904571272';
const MEDIA = `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT}/Messages`;

function request(body: string | Buffer): WebhookRequest {
  return {
    method: 'POST',
    rawBody: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    query: {},
    url: 'https://api.exemplo-bot.com.br/webhooks/twilio/whatsapp',
  };
}

const parseFixture = (file: string) => parseTwilioWebhook(request(readFileSync(join(FIXTURES, file))), NOW);
const withoutRaw = (events: ParsedEvent[]) => events.map(({ raw: _raw, ...event }) => event);

/** The person and conversation of a WhatsApp customer 55119999900NN. */
function whatsapp(n: string, name: string) {
  const waId = `55119999900${n}`;
  return {
    from: { id: waId, name, phone: waId, aliases: [`5511999900${n}`] },
    conversation: { key: `whatsapp:+${waId}`, externalChatId: `whatsapp:+${waId}`, type: 'private' },
  };
}

const message = (externalMessageId: string, rest: Record<string, unknown>) => ({
  kind: 'message',
  externalMessageId,
  direction: 'inbound',
  timestamp: '2026-05-12T13:15:22.000Z',
  ...rest,
});

const status = (externalMessageId: string, value: string, error?: Record<string, unknown>) => ({
  kind: 'status',
  externalMessageId,
  status: value,
  ...(error ? { error } : {}),
  timestamp: '2026-05-12T13:15:22.000Z',
});

const TEXT = 'Olá, quero agendar uma consulta amanhã às 14h';

const CASES: Array<[string, unknown[]]> = [
  [
    'sms-text.txt',
    [
      message('SM93fc4497db35e7f6aeb9a33a2c99542a', {
        // SMS has no WaId: the id is From as received, and the legacy Brazilian form is still an alias.
        from: { id: '+5511999990007', phone: '5511999990007', aliases: ['551199990007'] },
        conversation: { key: '+5511999990007', externalChatId: '+5511999990007', type: 'private' },
        type: 'text',
        text: 'Oi, vcs confirmam minha consulta de amanhã às 14h?',
      }),
    ],
  ],
  ['whatsapp-text.txt', [message('SM2eb3e3e5d0ba320a99b77e883d8ae72d', { ...whatsapp('01', 'Maria Souza'), type: 'text', text: TEXT })]],
  // A redelivery parses to the same event, same id: the host's dedupe on MessageSid drops it.
  ['whatsapp-text-duplicate.txt', [message('SM2eb3e3e5d0ba320a99b77e883d8ae72d', { ...whatsapp('01', 'Maria Souza'), type: 'text', text: TEXT })]],
  [
    'whatsapp-image-caption.txt',
    [
      message('MM49fd1d4868e517c1710705e6d208aab7', {
        ...whatsapp('02', 'João Pereira'),
        type: 'image',
        text: 'Segue a foto do pedido médico 📄',
        media: {
          providerMediaId: `${MEDIA}/MM49fd1d4868e517c1710705e6d208aab7/Media/MEd0ee3031602db0f282c2c043fedbe80f`,
          url: `${MEDIA}/MM49fd1d4868e517c1710705e6d208aab7/Media/MEd0ee3031602db0f282c2c043fedbe80f`,
          mime: 'image/jpeg',
        },
      }),
    ],
  ],
  [
    'whatsapp-audio-voice.txt',
    [
      message('MMc266e5fdafdae6fb0ee15fb2a546e69d', {
        ...whatsapp('03', 'Ana Clara 🌻'),
        type: 'voice',
        media: {
          providerMediaId: `${MEDIA}/MMc266e5fdafdae6fb0ee15fb2a546e69d/Media/ME3ffd6616b975ccce4820624709315738`,
          url: `${MEDIA}/MMc266e5fdafdae6fb0ee15fb2a546e69d/Media/ME3ffd6616b975ccce4820624709315738`,
          mime: 'audio/ogg',
          isVoiceNote: true,
        },
      }),
    ],
  ],
  [
    'whatsapp-location.txt',
    [
      message('SMb6f9288d7ea18ff687eea17b58d1c972', {
        ...whatsapp('02', 'João Pereira'),
        type: 'location',
        location: { lat: -23.5616841, lng: -46.6559812, name: 'Clínica Sorriso — Unidade Paulista', address: 'Av. Paulista, 1578 - Bela Vista, São Paulo - SP, 01310-200' },
      }),
    ],
  ],
  [
    'whatsapp-button-reply.txt',
    [
      message('SM85c5359fdf120ae3cba211a1db4b435d', {
        ...whatsapp('04', 'Carlos Eduardo'),
        type: 'interactive_reply',
        text: 'Confirmar',
        interactive: { id: 'confirmar_2026-05-13T14:00', title: 'Confirmar', source: 'reply_button' },
        replyTo: { externalMessageId: 'MM1cd40b3ebe93553a516b168ec3b4131e' },
      }),
    ],
  ],
  [
    'whatsapp-sticker.txt',
    [
      message('MM3a4814d8eb8bc4fb2e6440f9f616fc71', {
        ...whatsapp('02', 'João Pereira'),
        type: 'sticker',
        media: {
          providerMediaId: `${MEDIA}/MM3a4814d8eb8bc4fb2e6440f9f616fc71/Media/ME8901bd196ec1330165de6abd877b54e0`,
          url: `${MEDIA}/MM3a4814d8eb8bc4fb2e6440f9f616fc71/Media/ME8901bd196ec1330165de6abd877b54e0`,
          mime: 'image/webp',
        },
      }),
    ],
  ],
  ['status-sent.txt', [status('SM37f24a504351ebb424711d2e5b5eb4b3', 'sent')]],
  ['status-delivered.txt', [status('SM37f24a504351ebb424711d2e5b5eb4b3', 'delivered')]],
  ['status-read.txt', [status('SM37f24a504351ebb424711d2e5b5eb4b3', 'read')]],
  ['status-failed-63016.txt', [status('SM027bee55f9b3b806f5d1c3cf5ecbbfba', 'failed', { code: '63016', category: 'outside_window' })]],
];

describe('parseTwilioWebhook', () => {
  it.each(CASES)('%s', (file, expected) => {
    const result = parseFixture(file);
    expect(result.accountId).toBe(ACCOUNT);
    expect(withoutRaw(result.events)).toStrictEqual(expected);
  });

  it('parses the 3000-character text whole: splitting is for what we send, not what we receive', () => {
    const [event] = parseFixture('whatsapp-long-text.txt').events;
    expect(event).toMatchObject({ kind: 'message', externalMessageId: 'SMc314194bb38440cd9054bd4c806b98f0', type: 'text', ...whatsapp('01', 'Maria Souza') });
    const text = (event as { text: string }).text;
    expect(text).toHaveLength(3000);
    expect(text.startsWith('Bom dia! Meu nome é Maria')).toBe(true);
    expect(text.endsWith('Também queria saber se vocês aceitam o conv')).toBe(true);
  });

  it('keeps every form field in raw, empty ones included', () => {
    const [event] = parseFixture('sms-text.txt').events;
    expect(event!.raw).toMatchObject({ FromZip: '', ToZip: '', SmsStatus: 'received', To: '+5511999990000', MessagingServiceSid: 'MG888d9b13bf36de973508789de0d79a09' });
  });

  it('keeps every value of a repeated field in raw', () => {
    const [event] = parseTwilioWebhook(request('MessageSid=SM1&From=%2B14155550100&Body=hi&Tag=a&Tag=b'), NOW).events;
    expect(event!.raw).toEqual({ MessageSid: 'SM1', From: '+14155550100', Body: 'hi', Tag: ['a', 'b'] });
  });

  it.each([
    ['undelivered', '63003', { status: 'failed', error: { code: '63003', category: 'recipient_unreachable' } }],
    ['failed', '21211', { status: 'failed', error: { code: '21211', category: 'recipient_unreachable' } }],
    ['failed', '21614', { status: 'failed', error: { code: '21614', category: 'recipient_unreachable' } }],
    ['undelivered', '21610', { status: 'failed', error: { code: '21610', category: 'blocked_by_user' } }],
    ['failed', '30008', { status: 'failed', error: { code: '30008', message: 'Unknown error', category: 'provider' } }],
  ])('maps a %s callback with ErrorCode %s', (value, code, expected) => {
    const body = `MessageSid=SM1&MessageStatus=${value}&SmsStatus=${value}&ErrorCode=${code}${code === '30008' ? '&ErrorMessage=Unknown+error' : ''}&AccountSid=${ACCOUNT}`;
    expect(withoutRaw(parseTwilioWebhook(request(body), NOW).events)).toStrictEqual([{ kind: 'status', externalMessageId: 'SM1', timestamp: NOW.toISOString(), ...expected }]);
  });

  it('maps a failure without ErrorCode to failed without an error', () => {
    expect(withoutRaw(parseTwilioWebhook(request('MessageSid=SM1&MessageStatus=failed'), NOW).events)).toEqual([status('SM1', 'failed')]);
  });

  it.each(['queued', 'accepted', 'sending', 'scheduled', 'canceled'])('emits nothing for %s, but still names the account', (value) => {
    expect(parseTwilioWebhook(request(`MessageSid=SM1&MessageStatus=${value}&AccountSid=${ACCOUNT}`), NOW)).toEqual({ events: [], accountId: ACCOUNT });
  });

  it('reads a status callback that only has the legacy SmsSid/SmsStatus', () => {
    expect(withoutRaw(parseTwilioWebhook(request('SmsSid=SM9&SmsStatus=delivered'), NOW).events)).toEqual([status('SM9', 'delivered')]);
  });

  it.each([
    ['an empty body', ''],
    ['a form without a message sid', `AccountSid=${ACCOUNT}&Body=hi`],
    ['a callback that is not about a message', 'MessageSid=SM1&AccountSid=AC1&EventType=something'],
    ['a message without From', 'MessageSid=SM1&Body=hi&NumMedia=0'],
  ])('emits nothing for %s', (_name, body) => {
    expect(parseTwilioWebhook(request(body), NOW).events).toEqual([]);
  });

  it('calls an unknown MessageType unsupported, keeping the text', () => {
    const [event] = parseTwilioWebhook(request('MessageSid=SM1&From=whatsapp%3A%2B5511999990001&WaId=5511999990001&MessageType=reaction&Body=%F0%9F%91%8D&NumMedia=0'), NOW).events;
    expect(event).toMatchObject({ type: 'unsupported', text: '👍' });
  });

  it('calls a message with nothing in it unsupported', () => {
    const [event] = parseTwilioWebhook(request('MessageSid=SM1&From=whatsapp%3A%2B5511999990001&Body=&NumMedia=0'), NOW).events;
    expect(event).toMatchObject({ type: 'unsupported' });
    expect(event).not.toHaveProperty('text');
  });

  it('uses From without the whatsapp: prefix when WaId is missing, and the legacy id comes back as the canonical phone', () => {
    const [event] = parseTwilioWebhook(request('MessageSid=SM1&From=whatsapp%3A%2B553199990006&Body=oi'), NOW).events;
    expect(event).toMatchObject({
      from: { id: '+553199990006', phone: '5531999990006', aliases: ['553199990006'] },
      conversation: { key: 'whatsapp:+553199990006', externalChatId: 'whatsapp:+553199990006' },
    });
  });

  it('gives no aliases for a number without a legacy Brazilian form', () => {
    const [event] = parseTwilioWebhook(request('MessageSid=SM1&From=%2B14155550100&Body=hi'), NOW).events;
    expect((event as { from: unknown }).from).toEqual({ id: '+14155550100', phone: '14155550100' });
  });

  it('takes a document with its caption', () => {
    const body = 'MessageSid=MM1&From=whatsapp%3A%2B5511999990001&WaId=5511999990001&Body=Exame&NumMedia=1&MediaContentType0=application%2Fpdf&MediaUrl0=https%3A%2F%2Fapi.twilio.com%2Fm%2FME1';
    const [event] = parseTwilioWebhook(request(body), NOW).events;
    expect(event).toMatchObject({ type: 'document', text: 'Exame', media: { providerMediaId: 'https://api.twilio.com/m/ME1', url: 'https://api.twilio.com/m/ME1', mime: 'application/pdf' } });
  });

  it('reads a body with invalid percent-encoding without throwing', () => {
    expect(() => parseTwilioWebhook(request('MessageSid=SM1&Body=%E0%A4%A&From=%2B14155550100'), NOW)).not.toThrow();
  });
});

describe('mediaTypeOf', () => {
  it.each([
    ['image/jpeg', 'image'],
    ['image/png', 'image'],
    ['image/webp', 'sticker'],
    ['audio/ogg', 'voice'],
    ['audio/ogg; codecs=opus', 'voice'],
    ['audio/mpeg', 'audio'],
    ['audio/amr', 'audio'],
    ['video/mp4', 'video'],
    ['application/pdf', 'document'],
    ['text/vcard', 'document'],
    ['text/plain', 'document'],
    ['model/gltf+json', 'unsupported'],
    [undefined, 'unsupported'],
  ])('%s → %s', (mime, type) => {
    expect(mediaTypeOf(mime)).toBe(type);
  });
});
