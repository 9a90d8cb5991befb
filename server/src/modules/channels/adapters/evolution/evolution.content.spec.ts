import { parseEvolutionWebhook } from './evolution.inbound';

/** Payloads the fixtures do not cover, built in the fixtures' shape (channels.md §1.4, §1.7). */

const now = new Date('2026-05-12T14:00:00.000Z');
const parseBody = (body: unknown) => parseEvolutionWebhook(Buffer.from(JSON.stringify(body)), () => now.getTime());
const parse = (event: string, data: unknown) => parseBody({ event, instance: 'clinica-sorriso', data });

const KEY = { remoteJid: '5511999990001@s.whatsapp.net', fromMe: false, id: '3A0000000000000000AA' };

/** One upsert with the given content; returns the parsed message without the parts every case shares. */
function upsert(message: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> | undefined {
  const data = { key: KEY, pushName: 'Maria Souza', status: 'DELIVERY_ACK', message, messageTimestamp: 1778591707, ...extra };
  const event = parse('messages.upsert', data).events[0] as Record<string, unknown> | undefined;
  if (!event) return undefined;
  const { kind: _kind, externalMessageId: _id, direction: _direction, from: _from, conversation: _conversation, timestamp: _timestamp, raw: _raw, ...content } = event;
  return content;
}

describe('messages.upsert content types', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, Record<string, unknown>]>([
    ['extendedTextMessage (older builds)', { extendedTextMessage: { text: 'https://exemplo.com.br veja' } }, { type: 'text', text: 'https://exemplo.com.br veja' }, { messageType: 'extendedTextMessage' }],
    ['conversation flattened from an extended text', { extendedTextMessage: { text: 'oi' } }, { type: 'text', text: 'oi' }, { messageType: 'conversation' }],
    ['videoMessage', { videoMessage: { mimetype: 'video/mp4', seconds: 12, caption: 'olha' } }, { type: 'video', text: 'olha', media: { providerMediaId: KEY.id, mime: 'video/mp4', durationSec: 12 } }, { messageType: 'videoMessage' }],
    ['ptvMessage (video note)', { ptvMessage: { mimetype: 'video/mp4', seconds: '5' } }, { type: 'video', media: { providerMediaId: KEY.id, mime: 'video/mp4', durationSec: 5 } }, { messageType: 'ptvMessage' }],
    ['audioMessage without ptt', { audioMessage: { mimetype: 'audio/mpeg', seconds: 30 } }, { type: 'audio', media: { providerMediaId: KEY.id, mime: 'audio/mpeg', durationSec: 30, isVoiceNote: false } }, { messageType: 'audioMessage' }],
    ['documentMessage', { documentMessage: { mimetype: 'application/pdf', fileName: 'pedido.pdf', caption: 'segue' } }, { type: 'document', text: 'segue', media: { providerMediaId: KEY.id, mime: 'application/pdf', fileName: 'pedido.pdf' } }, { messageType: 'documentMessage' }],
    ['documentWithCaptionMessage (older builds)', { documentWithCaptionMessage: { message: { documentMessage: { mimetype: 'application/pdf', title: 'exame.pdf', caption: 'exame' } } } }, { type: 'document', text: 'exame', media: { providerMediaId: KEY.id, mime: 'application/pdf', fileName: 'exame.pdf' } }, { messageType: 'documentWithCaptionMessage' }],
    ['locationMessage', { locationMessage: { degreesLatitude: -23.5613, degreesLongitude: -46.6565, name: 'Clínica Sorriso', address: 'Av. Paulista, 1000' } }, { type: 'location', location: { lat: -23.5613, lng: -46.6565, name: 'Clínica Sorriso', address: 'Av. Paulista, 1000' } }, { messageType: 'locationMessage' }],
    ['liveLocationMessage', { liveLocationMessage: { degreesLatitude: -23.5, degreesLongitude: -46.6 } }, { type: 'location', location: { lat: -23.5, lng: -46.6 } }, { messageType: 'liveLocationMessage' }],
    ['contactMessage', { contactMessage: { displayName: 'Dra. Luíza', vcard: 'BEGIN:VCARD…' } }, { type: 'contact' }, { messageType: 'contactMessage' }],
    ['reactionMessage', { reactionMessage: { key: { id: '3EB0F8B95BEEBB6B7339BB' }, text: '👍' } }, { type: 'reaction', reaction: { targetExternalMessageId: '3EB0F8B95BEEBB6B7339BB', emoji: '👍' } }, { messageType: 'reactionMessage' }],
    ['a removed reaction', { reactionMessage: { key: { id: '3EB0F8B95BEEBB6B7339BB' }, text: '' } }, { type: 'reaction', reaction: { targetExternalMessageId: '3EB0F8B95BEEBB6B7339BB', emoji: null } }, { messageType: 'reactionMessage' }],
    ['buttonsResponseMessage', { buttonsResponseMessage: { selectedButtonId: 'confirm', selectedDisplayText: 'Confirmar' } }, { type: 'interactive_reply', text: 'Confirmar', interactive: { id: 'confirm', title: 'Confirmar', source: 'reply_button' } }, { messageType: 'buttonsResponseMessage' }],
    ['templateButtonReplyMessage', { templateButtonReplyMessage: { selectedId: 'yes', selectedDisplayText: 'Sim' } }, { type: 'interactive_reply', text: 'Sim', interactive: { id: 'yes', title: 'Sim', source: 'template_button' } }, { messageType: 'templateButtonReplyMessage' }],
    ['interactiveResponseMessage', { interactiveResponseMessage: { body: { text: 'Remarcar' }, nativeFlowResponseMessage: { name: 'quick_reply', paramsJson: '{"id":"reschedule"}' } } }, { type: 'interactive_reply', text: 'Remarcar', interactive: { id: 'reschedule', title: 'Remarcar', source: 'reply_button' } }, { messageType: 'interactiveResponseMessage' }],
    ['interactiveResponseMessage with broken paramsJson', { interactiveResponseMessage: { nativeFlowResponseMessage: { paramsJson: '{' } } }, { type: 'unsupported' }, { messageType: 'interactiveResponseMessage' }],
    ['a withdrawn poll vote', { pollUpdateMessage: { vote: { selectedOptions: [] } } }, { type: 'system' }, { messageType: 'pollUpdateMessage' }],
    ['a poll vote Evolution could not decrypt', { pollUpdateMessage: { vote: { selectedOptions: [{ 0: 12, 1: 34 }] } } }, { type: 'unsupported' }, { messageType: 'pollUpdateMessage' }],
    ['protocolMessage', { protocolMessage: { type: 'REVOKE' } }, { type: 'system' }, { messageType: 'protocolMessage' }],
    ['viewOnceMessageV2', { viewOnceMessageV2: { message: {} } }, { type: 'unsupported' }, { messageType: 'viewOnceMessageV2' }],
    ['a messageType named like an Object member', { constructor: {} }, { type: 'unsupported' }, { messageType: 'constructor' }],
    ['no messageType: the content key decides', { messageContextInfo: {}, imageMessage: { mimetype: 'image/png' } }, { type: 'image', media: { providerMediaId: KEY.id, mime: 'image/png' } }, {}],
    ['an empty message', {}, { type: 'unsupported' }, {}],
  ])('%s', (_label, message, content, extra) => {
    expect(upsert(message, extra)).toEqual(content);
  });

  it('reads replyTo from the content when data has no contextInfo (older builds)', () => {
    const message = { extendedTextMessage: { text: 'sim', contextInfo: { stanzaId: '3EB0AAAA' } } };
    expect(upsert(message, { messageType: 'extendedTextMessage' })).toEqual({ type: 'text', text: 'sim', replyTo: { externalMessageId: '3EB0AAAA' } });
  });
});

describe('messages.upsert identities and chats', () => {
  const message = { conversation: 'oi' };
  const parseKey = (key: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    parse('messages.upsert', { key, pushName: 'Maria', message, messageType: 'conversation', messageTimestamp: 1778591707, ...extra }).events;

  it('keeps a LID sender as id and takes the phone from remoteJidAlt', () => {
    const [event] = parseKey({ remoteJid: '104527839201847@lid', remoteJidAlt: '5511999990007@s.whatsapp.net', fromMe: false, id: 'X1' });
    expect(event).toMatchObject({
      from: { id: '104527839201847@lid', name: 'Maria', phone: '5511999990007', aliases: ['5511999990007@s.whatsapp.net', '551199990007@s.whatsapp.net'] },
      conversation: { key: '104527839201847@lid', externalChatId: '104527839201847@lid', type: 'private' },
    });
  });

  it('canonicalises a legacy 12-digit Brazilian JID and keeps both forms', () => {
    const [event] = parseKey({ remoteJid: '551199990001@s.whatsapp.net', fromMe: false, id: 'X2' });
    expect(event).toMatchObject({ from: { id: '551199990001@s.whatsapp.net', phone: '5511999990001', aliases: ['5511999990001@s.whatsapp.net'] } });
  });

  it('takes a group author from participant, with participantAlt as alias', () => {
    const [event] = parseKey({ remoteJid: '120363041829374651@g.us', participant: '88123456789012@lid', participantAlt: '5521987650001@s.whatsapp.net', fromMe: false, id: 'X3' });
    expect(event).toMatchObject({
      from: { id: '88123456789012@lid', phone: '5521987650001', aliases: ['5521987650001@s.whatsapp.net', '552187650001@s.whatsapp.net'] },
      conversation: { key: '120363041829374651@g.us', type: 'group' },
    });
  });

  it('drops the device part of a JID from the phone', () => {
    const [event] = parseKey({ remoteJid: '120363041829374651@g.us', participant: '5511999990005:12@s.whatsapp.net', fromMe: false, id: 'X4' });
    expect(event).toMatchObject({ from: { id: '5511999990005:12@s.whatsapp.net', phone: '5511999990005' } });
  });

  it.each(['status@broadcast', '120363025246125486@newsletter'])('ignores %s', (remoteJid) => {
    expect(parseKey({ remoteJid, fromMe: false, id: 'X5' })).toEqual([]);
  });

  it('ignores items without a key id', () => {
    expect(parseKey({ remoteJid: '5511999990001@s.whatsapp.net', fromMe: false })).toEqual([]);
  });

  it.each([
    ['a numeric string', '1778591707', '2026-05-12T13:15:07.000Z'],
    ['a protobuf Long', { low: 1778591707, high: 0, unsigned: true }, '2026-05-12T13:15:07.000Z'],
    ['nothing (receipt time)', undefined, '2026-05-12T14:00:00.000Z'],
  ])('reads messageTimestamp given as %s', (_label, messageTimestamp, timestamp) => {
    const [event] = parseKey(KEY, { messageTimestamp });
    expect(event).toMatchObject({ timestamp });
  });

  it('parses every item when data is an array', () => {
    const data = [{ key: { ...KEY, id: 'A' }, message }, { key: { ...KEY, id: 'B' }, message }];
    expect(parse('messages.upsert', data).events.map((event) => (event as { externalMessageId: string }).externalMessageId)).toEqual(['A', 'B']);
  });
});

describe('messages.update, connection.update, qrcode.updated', () => {
  it.each([
    ['SERVER_ACK', 'sent'], ['DELIVERY_ACK', 'delivered'], ['READ', 'read'], ['PLAYED', 'played'], ['DELETED', 'deleted'], [4, 'read'],
  ])('maps status %s to %s', (status, mapped) => {
    expect(parse('messages.update', { keyId: '3EB0AA', remoteJid: KEY.remoteJid, fromMe: true, status }).events).toEqual([
      { kind: 'status', externalMessageId: '3EB0AA', status: mapped, timestamp: '2026-05-12T14:00:00.000Z', raw: { keyId: '3EB0AA', remoteJid: KEY.remoteJid, fromMe: true, status } },
    ]);
  });

  it('maps ERROR to failed with a provider error', () => {
    expect(parse('messages.update', { keyId: '3EB0AA', fromMe: true, status: 'ERROR' }).events[0]).toMatchObject({ status: 'failed', error: { code: 'ERROR', category: 'provider' } });
  });

  it.each([
    ['PENDING (not a receipt)', { keyId: '3EB0AA', fromMe: true, status: 'PENDING' }],
    ["a receipt of the customer's own message", { keyId: '3A00', fromMe: false, status: 'READ' }],
    ['no keyId', { fromMe: true, status: 'READ' }],
  ])('gives no status for %s', (_label, data) => {
    expect(parse('messages.update', data).events).toEqual([]);
  });

  it.each([
    [{ state: 'connecting', statusReason: 200 }, 'connecting'],
    [{ state: 'close', statusReason: 428 }, 'closed'],
    [{ state: 'close', statusReason: 403 }, 'closed'],
    [{ state: 'refused' }, 'closed'],
  ])('maps connection %j to %s', (data, state) => {
    expect(parse('connection.update', { instance: 'clinica-sorriso', ...data }).events).toEqual([{ kind: 'connection', state, raw: { instance: 'clinica-sorriso', ...data } }]);
  });

  it('gives nothing for an unknown connection state', () => {
    expect(parse('connection.update', { state: 'weird' }).events).toEqual([]);
  });

  it('reports the QR code limit as closed', () => {
    const data = { message: 'QR code limit reached, please login again', statusCode: 500 };
    expect(parse('qrcode.updated', data).events).toEqual([{ kind: 'connection', state: 'closed', raw: data }]);
  });
});

describe('the envelope', () => {
  it('accepts the UPPER_SNAKE event spelling', () => {
    expect(parse('CONNECTION_UPDATE', { state: 'open' }).events).toEqual([{ kind: 'connection', state: 'open', raw: { state: 'open' } }]);
  });

  it.each(['contacts.upsert', 'presence.update', 'chats.upsert', 'call', 'messages.delete'])('gives no event for %s', (event) => {
    expect(parse(event, { id: 'x' })).toEqual({ events: [], accountId: 'clinica-sorriso' });
  });

  it('has no accountId when the envelope names no instance', () => {
    expect(parseBody({ event: 'connection.update', data: { state: 'open' } })).toEqual({ events: [{ kind: 'connection', state: 'open', raw: { state: 'open' } }] });
  });

  it('throws a clear error on malformed JSON', () => {
    expect(() => parseEvolutionWebhook(Buffer.from('{"event":"messages.upsert",'), () => 0)).toThrow(/^Evolution webhook body is not valid JSON: /);
  });

  it('throws when the body is JSON but no envelope', () => {
    expect(() => parseEvolutionWebhook(Buffer.from('[1,2]'), () => 0)).toThrow('Evolution webhook body is not a JSON object (expected the {event, instance, data} envelope)');
  });
});
