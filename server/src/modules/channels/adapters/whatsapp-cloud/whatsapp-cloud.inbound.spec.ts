import { readdirSync } from 'node:fs';
import type { ParsedEvent, ParsedInboundMessage, WebhookRequest } from '../channel-adapter';
import { WHATSAPP_CLOUD_FIXTURES_DIR, signWhatsAppCloudBody, whatsAppCloudFixture } from '../../../../../test/support/fake-providers/whatsapp-cloud-fake';
import { WhatsAppCloudAdapter } from './whatsapp-cloud.adapter';
import { parseWebhookBody } from './whatsapp-cloud.inbound';

const adapter = new WhatsAppCloudAdapter();
const ACCOUNT = '118273645509182';

function webhook(file: string): WebhookRequest {
  const rawBody = whatsAppCloudFixture(file);
  return { method: 'POST', rawBody, headers: { 'x-hub-signature-256': signWhatsAppCloudBody(rawBody) }, query: {}, url: 'https://bot.example/webhooks/whatsapp_cloud/1' };
}

/** Everything but `raw`, which is checked on its own. */
function withoutRaw(events: ParsedEvent[]): unknown[] {
  return events.map(({ raw: _raw, ...rest }) => rest);
}

function person(waId: string, name: string, bsuid: string) {
  return { from: { id: waId, name, phone: waId, aliases: [bsuid] }, conversation: { key: waId, externalChatId: waId, type: 'private' } };
}

const maria = person('5511999990001', 'Maria Souza', 'BR.1502576394655843');
const joao = person('5511999990002', 'João Pereira', 'BR.1502576394700219');
const ana = person('5511999990003', 'Ana Clara', 'BR.1502576394811470');
const carlos = person('5511999990004', 'Carlos Eduardo', 'BR.1502576394920385');
const inbound = { kind: 'message', direction: 'inbound' } as const;

const textMessage = {
  ...inbound,
  externalMessageId: 'wamid.HBgNNTUxMTk5OTk5MDAwMRUCABIYFDk4MTQzNjA4NEEyRDY3M0ZBNDI4AA==',
  ...maria,
  type: 'text',
  text: 'Olá, quero agendar uma consulta amanhã às 14h',
  timestamp: '2026-05-12T13:15:07.000Z',
};

const expectedEvents: Record<string, unknown[]> = {
  'text.json': [textMessage],
  'text-duplicate.json': [textMessage],
  'text-long.json': [{
    ...inbound,
    externalMessageId: 'wamid.HBgNNTUxMTk5OTk5MDAwMRUCABIYFDQxOTRCRUQzMzk2N0I3QTBFQjY4AA==',
    ...maria,
    type: 'text',
    text: expect.stringMatching(/^Bom dia! Meu nome é Maria e eu gostaria de remarcar a consulta da minha mãe, Dona Conceição, que estava agendada para amanhã às 14h com a Dra\. Luíza\./),
    timestamp: '2026-05-12T13:45:07.000Z',
  }],
  'text-reply-legacy-br-number.json': [{
    ...inbound,
    externalMessageId: 'wamid.HBgMNTUzMTk5OTkwMDA2FQIAEhgUQUMzMUY1OTA3Nzg5RkU4MTRBOEMA',
    // The canonical 13-digit phone for the CRM; the 12-digit id as received for replies and as an alias.
    from: { id: '553199990006', name: 'Seu Antônio', phone: '5531999990006', aliases: ['BR.1502576395038811', '553199990006'] },
    conversation: { key: '553199990006', externalChatId: '553199990006', type: 'private' },
    type: 'text',
    text: 'Bom dia, pode ser às 15h30 então? Obrigado!',
    replyTo: { externalMessageId: 'wamid.HBgMNTUzMTk5OTkwMDA2FQIAEhgUMzk2MzFGNUNERjlGMDJDQUJDMzMA' },
    timestamp: '2026-05-12T13:48:27.000Z',
  }],
  'image-caption.json': [{
    ...inbound,
    externalMessageId: 'wamid.HBgNNTUxMTk5OTk5MDAwMhUCABIYFERCODhCQjVEOTZGQTQ1QUMyQTYxAA==',
    ...joao,
    type: 'image',
    text: 'Segue a foto do pedido médico \u{1F4C4}',
    media: { providerMediaId: '1093847561029384', mime: 'image/jpeg' },
    timestamp: '2026-05-12T13:17:07.000Z',
  }],
  'audio-voice.json': [{
    ...inbound,
    externalMessageId: 'wamid.HBgNNTUxMTk5OTk5MDAwMxUCABIYFDZDMDQxRUI3RDAxRjA4QTREMzREAA==',
    ...ana,
    type: 'voice',
    media: { providerMediaId: '2038475619283746', mime: 'audio/ogg; codecs=opus', isVoiceNote: true },
    timestamp: '2026-05-12T13:20:07.000Z',
  }],
  'sticker.json': [{
    ...inbound,
    externalMessageId: 'wamid.HBgNNTUxMTk5OTk5MDAwMhUCABIYFEE0NzM4RkU3MjNFMkVBODM5RDhBAA==',
    ...joao,
    type: 'sticker',
    media: { providerMediaId: '3847561920384756', mime: 'image/webp' },
    timestamp: '2026-05-12T13:40:07.000Z',
  }],
  'location.json': [{
    ...inbound,
    externalMessageId: 'wamid.HBgNNTUxMTk5OTk5MDAwMhUCABIYFDQ5MDQ4MjIzMDlEOTgyQ0NERTFBAA==',
    ...joao,
    type: 'location',
    location: { lat: -23.5616841, lng: -46.6559812, name: 'Clínica Sorriso — Unidade Paulista', address: 'Av. Paulista, 1578 - Bela Vista, São Paulo - SP, 01310-200' },
    timestamp: '2026-05-12T13:22:07.000Z',
  }],
  'interactive-button-reply.json': [{
    ...inbound,
    externalMessageId: 'wamid.HBgNNTUxMTk5OTk5MDAwMRUCABIYFEIxOTIwN0VDMDQ3OTEyRDM3RkJFAA==',
    ...maria,
    type: 'interactive_reply',
    text: 'Confirmar',
    interactive: { id: 'confirmar_2026-05-13T14:00', title: 'Confirmar', source: 'reply_button' },
    replyTo: { externalMessageId: 'wamid.HBgNNTUxMTk5OTk5MDAwMRUCABIYFENFQTM2MzU1MDM4RjUwNkNFQUMxAA==' },
    timestamp: '2026-05-12T13:16:42.000Z',
  }],
  'interactive-list-reply.json': [{
    ...inbound,
    externalMessageId: 'wamid.HBgNNTUxMTk5OTk5MDAwNBUCABIYFERDRUI5Q0FCMkRBMTQwQkY0NjAxAA==',
    ...carlos,
    type: 'interactive_reply',
    text: 'Quinta, 14h00',
    interactive: { id: 'slot_2026-05-14T14:00', title: 'Quinta, 14h00', source: 'list' },
    replyTo: { externalMessageId: 'wamid.HBgNNTUxMTk5OTk5MDAwNBUCABIYFDk4QjZBRDY3ODM1OEUwODQ5OUM1AA==' },
    timestamp: '2026-05-12T13:25:07.000Z',
  }],
  'template-quick-reply-button.json': [{
    ...inbound,
    externalMessageId: 'wamid.HBgNNTUxMTk5OTk5MDAwNBUCABIYFDcxMzI1RjhGMTgwRDNEMEVBMEQ5AA==',
    ...carlos,
    type: 'button',
    text: 'Sim, vou comparecer',
    interactive: { id: 'LEMBRETE_CONFIRMAR', title: 'Sim, vou comparecer', source: 'template_button' },
    replyTo: { externalMessageId: 'wamid.HBgNNTUxMTk5OTk5MDAwNBUCABIYFDNGREM1RURCMjE2MjU2NEUyNzgyAA==' },
    timestamp: '2026-05-13T13:15:37.000Z',
  }],
  'unsupported.json': [{
    ...inbound,
    externalMessageId: 'wamid.HBgNNTUxMTk5OTk5MDAwMxUCABIYFEY2NEFBRDE5RTFERjFCRDE5MTY5AA==',
    ...ana,
    type: 'unsupported',
    timestamp: '2026-05-12T13:41:47.000Z',
  }],
  'status-delivered.json': [{ kind: 'status', externalMessageId: 'wamid.HBgNNTUxMTk5OTk5MDAwMRUCABIYFDA1NjdBNjEzNzBERTMwQTBDRjE1AA==', status: 'delivered', timestamp: '2026-05-12T13:15:23.000Z' }],
  'status-read.json': [{ kind: 'status', externalMessageId: 'wamid.HBgNNTUxMTk5OTk5MDAwMRUCABIYFDA1NjdBNjEzNzBERTMwQTBDRjE1AA==', status: 'read', timestamp: '2026-05-12T13:15:54.000Z' }],
  'status-failed-131047.json': [{
    kind: 'status',
    externalMessageId: 'wamid.HBgNNTUxMTk5OTk5MDAwNBUCABIYFDBBMzQ3RTZFQzU5NTBEQTFDNjUxAA==',
    status: 'failed',
    error: {
      code: '131047',
      message: 'Re-engagement message: Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
      category: 'outside_window',
    },
    timestamp: '2026-05-15T13:15:07.000Z',
  }],
  'batch-two-messages-and-status.json': [
    { ...inbound, externalMessageId: 'wamid.HBgNNTUxMTk5OTk5MDAwMxUCABIYFDQxODZDNjBFQkMyM0E2MkE2RTBBAA==', ...ana, type: 'text', text: 'Oi, boa tarde', timestamp: '2026-05-12T13:55:07.000Z' },
    {
      ...inbound,
      externalMessageId: 'wamid.HBgNNTUxMTk5OTk5MDAwMxUCABIYFEI5Rjc3QzkzQjNDMzkzQkI0QjA0AA==',
      ...ana,
      type: 'text',
      text: 'Vocês atendem criança de 5 anos? É a primeira consulta dela \u{1F9B7}',
      timestamp: '2026-05-12T13:55:09.000Z',
    },
    { kind: 'status', externalMessageId: 'wamid.HBgNNTUxMTk5OTk5MDAwMhUCABIYFEREQ0E3QkYwRkU1MDVERUQ4NDNBAA==', status: 'sent', timestamp: '2026-05-12T13:55:08.000Z' },
  ],
};

describe('WhatsApp Cloud parse: fixtures', () => {
  it('has an expectation for every JSON fixture', () => {
    const files = readdirSync(WHATSAPP_CLOUD_FIXTURES_DIR).filter((name) => name.endsWith('.json')).sort();
    expect(Object.keys(expectedEvents).sort()).toEqual(files);
  });

  it.each(Object.entries(expectedEvents))('%s', (file, expected) => {
    const result = adapter.parse(webhook(file), {});
    expect(result.accountId).toBe(ACCOUNT);
    expect(withoutRaw(result.events)).toEqual(expected);
  });

  it('keeps the provider item (not the whole batch) as raw', () => {
    const body = JSON.parse(whatsAppCloudFixture('batch-two-messages-and-status.json').toString('utf8'));
    const [first, second] = body.entry[0].changes;
    const { events } = adapter.parse(webhook('batch-two-messages-and-status.json'), {});
    expect(events.map((event) => event.raw)).toEqual([first.value.messages[0], first.value.messages[1], second.value.statuses[0]]);
  });

  it('restores accents and emoji from the \\u escapes', () => {
    expect(whatsAppCloudFixture('text.json').toString('utf8')).toContain('Ol\\u00e1');
    const [message] = adapter.parse(webhook('text.json'), {}).events as ParsedInboundMessage[];
    expect(message!.text).toBe('Ol\u00e1, quero agendar uma consulta amanh\u00e3 \u00e0s 14h');
    const [list] = adapter.parse(webhook('interactive-list-reply.json'), {}).events;
    expect((list!.raw as { interactive: { list_reply: { description: string } } }).interactive.list_reply.description).toBe('Dra. Luíza Martins — Clínica Geral');
  });

  it('keeps a long text whole (splitting is for outbound only)', () => {
    const [message] = adapter.parse(webhook('text-long.json'), {}).events as ParsedInboundMessage[];
    expect(message!.text).toHaveLength(5200);
    expect(message!.text).not.toMatch(/\\u[0-9a-f]{4}/);
  });

  it('gives the same event for a redelivery, so the dedupe store can drop it', () => {
    expect(adapter.parse(webhook('text-duplicate.json'), {})).toEqual(adapter.parse(webhook('text.json'), {}));
  });
});

const RECEIVED_AT = new Date('2026-05-12T14:00:00.000Z');

function envelope(...values: unknown[]): Buffer {
  return Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '230948571629384', changes: values.map((value) => ({ field: 'messages', value })) }] }));
}

const metadata = { display_phone_number: '5511999990000', phone_number_id: ACCOUNT };
const contact = { profile: { name: 'Maria Souza' }, wa_id: '5511999990001', user_id: 'BR.1502576394655843' };

function parseOne(message: Record<string, unknown>, contacts: unknown[] = [contact]): ParsedInboundMessage {
  const events = parseWebhookBody(envelope({ messaging_product: 'whatsapp', metadata, contacts, messages: [{ from: '5511999990001', id: 'wamid.X', timestamp: '1778591707', ...message }] }), RECEIVED_AT).events;
  expect(events).toHaveLength(1);
  return events[0] as ParsedInboundMessage;
}

describe('WhatsApp Cloud parse: every message type', () => {
  it.each([
    ['video', { type: 'video', video: { id: 'm1', mime_type: 'video/mp4', caption: 'olha' } }, { type: 'video', text: 'olha', media: { providerMediaId: 'm1', mime: 'video/mp4' } }],
    ['document', { type: 'document', document: { id: 'm2', mime_type: 'application/pdf', filename: 'exame.pdf' } }, { type: 'document', media: { providerMediaId: 'm2', mime: 'application/pdf', fileName: 'exame.pdf' } }],
    ['audio (not a voice note)', { type: 'audio', audio: { id: 'm3', mime_type: 'audio/mpeg', voice: false } }, { type: 'audio', media: { providerMediaId: 'm3', mime: 'audio/mpeg', isVoiceNote: false } }],
    ['contacts', { type: 'contacts', contacts: [{ name: { formatted_name: 'Dra. Luíza' } }] }, { type: 'contact' }],
    ['reaction', { type: 'reaction', reaction: { message_id: 'wamid.OURS', emoji: '\u{1F44D}' } }, { type: 'reaction', reaction: { targetExternalMessageId: 'wamid.OURS', emoji: '\u{1F44D}' } }],
    ['reaction removed', { type: 'reaction', reaction: { message_id: 'wamid.OURS', emoji: '' } }, { type: 'reaction', reaction: { targetExternalMessageId: 'wamid.OURS', emoji: null } }],
    ['system', { type: 'system', system: { body: 'User A changed from 5511999990001 to 5511999990009', wa_id: '5511999990009', type: 'user_changed_number' } }, { type: 'system', text: 'User A changed from 5511999990001 to 5511999990009' }],
    ['order', { type: 'order', order: { catalog_id: '1', product_items: [] } }, { type: 'unsupported' }],
    ['an unknown type', { type: 'poll_vote', poll_vote: {} }, { type: 'unsupported' }],
    ['a type named like an Object method', { type: 'constructor' }, { type: 'unsupported' }],
    ['no type', {}, { type: 'unsupported' }],
    ['a Flows reply (nfm_reply)', { type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { response_json: '{}' } } }, { type: 'unsupported' }],
    ['a button reply without an id', { type: 'interactive', interactive: { type: 'button_reply', button_reply: { title: 'Sim' } } }, { type: 'unsupported' }],
    ['a location without coordinates', { type: 'location', location: { name: 'Casa' } }, { type: 'unsupported' }],
    ['text without a body', { type: 'text', text: {} }, { type: 'unsupported' }],
  ])('%s', (_case, message, expected) => {
    const { type, text, media, location, interactive, reaction } = parseOne(message);
    expect(JSON.parse(JSON.stringify({ type, text, media, location, interactive, reaction }))).toEqual(expected);
  });

  it('identifies a username user by the BSUID when there is no wa_id', () => {
    const event = parseOne({ from: undefined, from_user_id: 'BR.1502576394999999', type: 'text', text: { body: 'oi' } }, [{ profile: { name: 'Bia' }, user_id: 'BR.1502576394999999' }]);
    expect(event.from).toEqual({ id: 'BR.1502576394999999', name: 'Bia', aliases: ['BR.1502576394999999'] });
    expect(event.conversation).toEqual({ key: 'BR.1502576394999999', externalChatId: 'BR.1502576394999999', type: 'private' });
  });

  it('picks the matching contact in a batch with several senders, and works without contacts', () => {
    const other = { profile: { name: 'João Pereira' }, wa_id: '5511999990002' };
    expect(parseOne({ from: '5511999990002', type: 'text', text: { body: 'oi' } }, [contact, other]).from).toEqual({ id: '5511999990002', name: 'João Pereira', phone: '5511999990002' });
    expect(parseOne({ type: 'text', text: { body: 'oi' } }, []).from).toEqual({ id: '5511999990001', phone: '5511999990001' });
  });

  it('uses the receipt time when the timestamp is missing or unusable', () => {
    expect(parseOne({ timestamp: undefined, type: 'text', text: { body: 'oi' } }).timestamp).toBe('2026-05-12T14:00:00.000Z');
    expect(parseOne({ timestamp: 'ontem', type: 'text', text: { body: 'oi' } }).timestamp).toBe('2026-05-12T14:00:00.000Z');
    expect(parseOne({ timestamp: '99999999999999999999', type: 'text', text: { body: 'oi' } }).timestamp).toBe('2026-05-12T14:00:00.000Z');
  });

  it('skips items it cannot key, keeping the rest of the batch', () => {
    const value = {
      metadata,
      messages: [{ from: '5511999990001', type: 'text', text: { body: 'no id' } }, { id: 'wamid.NOSENDER', type: 'text', text: { body: 'no sender' } }, 'junk', { from: '5511999990001', id: 'wamid.OK', type: 'text', text: { body: 'ok' } }],
      statuses: [{ id: 'wamid.A', status: 'accepted' }, { status: 'read' }, { id: 'wamid.B', status: 'played', timestamp: '1778591707' }, { id: 'wamid.C', status: 'deleted', timestamp: '1778591707' }],
    };
    const { events } = parseWebhookBody(envelope(value), RECEIVED_AT);
    expect(events.map((event) => [event.kind, (event as { externalMessageId: string }).externalMessageId])).toEqual([['message', 'wamid.OK'], ['status', 'wamid.B'], ['status', 'wamid.C']]);
  });
});

describe('WhatsApp Cloud parse: statuses and envelope', () => {
  function failed(errors: unknown): unknown {
    const { events } = parseWebhookBody(envelope({ metadata, statuses: [{ id: 'wamid.F', status: 'failed', timestamp: '1778591707', errors }] }), RECEIVED_AT);
    return (events[0] as { error?: unknown }).error;
  }

  it.each([
    [131026, 'recipient_unreachable'],
    [131056, 'rate_limited'],
    [130429, 'rate_limited'],
    [190, 'auth'],
    [0, 'auth'],
    [10, 'auth'],
    [200, 'auth'],
    [131049, 'provider'],
    [131000, 'provider'],
  ])('a failed status with %i is %s', (code, category) => {
    expect(failed([{ code, title: 'T' }])).toEqual({ code: String(code), message: 'T', category });
  });

  it('a failed status without errors carries no error', () => {
    expect(failed(undefined)).toBeUndefined();
  });

  it('ignores changes of other fields and returns no accountId without metadata', () => {
    const body = Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'message_template_status_update', value: { event: 'APPROVED' } }, { field: 'smb_message_echoes', value: { metadata, messages: [{ id: 'wamid.E', from: '1', type: 'text', text: { body: 'x' } }] } }] }] }));
    expect(parseWebhookBody(body)).toEqual({ events: [] });
    expect(parseWebhookBody(Buffer.from('{"object":"whatsapp_business_account"}'))).toEqual({ events: [] });
  });

  it('takes the first phone_number_id it sees as the account', () => {
    const second = { ...metadata, phone_number_id: '999999999999999' };
    expect(parseWebhookBody(envelope({ metadata }, { metadata: second })).accountId).toBe(ACCOUNT);
  });

  it.each([
    ['not JSON', 'object=whatsapp', /not valid JSON/],
    ['empty', '', /not valid JSON/],
    ['a JSON array', '[]', /"object" must be "whatsapp_business_account"/],
    ['another Graph object', '{"object":"page","entry":[]}', /"object" must be "whatsapp_business_account"/],
    ['null', 'null', /"object" must be "whatsapp_business_account"/],
  ])('throws on a malformed body: %s', (_case, body, message) => {
    expect(() => adapter.parse({ method: 'POST', rawBody: Buffer.from(body), headers: {}, query: {}, url: '' }, {})).toThrow(message);
  });
});
