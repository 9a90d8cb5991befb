import { readdirSync } from 'node:fs';

import type { ParsedEvent } from '../channel-adapter';
import { TelegramAdapter } from './telegram.adapter';
import { BOT_ID, BOT_TOKEN, FIXTURES_DIR, fixtureBytes, fixtureJson, SECRET_TOKEN, webhookRequest } from './telegram.test-support';

const config = { botToken: BOT_TOKEN, secretToken: SECRET_TOKEN };
const receivedAt = new Date('2026-05-12T13:20:00.000Z');
const adapter = new TelegramAdapter({ now: () => receivedAt });

const maria = { id: '5123456701', name: 'Maria Souza', username: 'mariasouza' };
const joao = { id: '5123456702', name: 'João Pereira' };
const mariaChat = { key: '5123456701', externalChatId: '5123456701', type: 'private' } as const;
const joaoChat = { key: '5123456702', externalChatId: '5123456702', type: 'private' } as const;

type WithoutRaw<T> = T extends unknown ? Omit<T, 'raw'> : never;

function parse(name: string) {
  return adapter.parse(webhookRequest(fixtureBytes(name)), config);
}

/** Every fixture, with the one event it must give; `raw` is always the whole Update. */
const expected: Record<string, Array<WithoutRaw<ParsedEvent>>> = {
  'message-text.json': [{
    kind: 'message', externalMessageId: '5123456701:1834', direction: 'inbound', from: maria, conversation: mariaChat,
    type: 'text', text: 'Olá, quero agendar uma consulta amanhã às 14h', timestamp: '2026-05-12T13:15:07.000Z',
  }],
  'message-text-duplicate.json': [{
    kind: 'message', externalMessageId: '5123456701:1834', direction: 'inbound', from: maria, conversation: mariaChat,
    type: 'text', text: 'Olá, quero agendar uma consulta amanhã às 14h', timestamp: '2026-05-12T13:15:07.000Z',
  }],
  'message-start-command.json': [{
    kind: 'message', externalMessageId: '5123456701:1832', direction: 'inbound', from: maria, conversation: mariaChat,
    type: 'text', text: '/start site_agenda', timestamp: '2026-05-12T13:14:27.000Z',
  }],
  'message-photo-caption.json': [{
    kind: 'message', externalMessageId: '5123456702:1841', direction: 'inbound', from: joao, conversation: joaoChat,
    type: 'image', text: 'Segue a foto do pedido médico 📄',
    media: { providerMediaId: 'AgACAgEAAxkBAAIHMWZt__kGHke9r6A4uYaPF9Hi1iA30Vcn_6f3voMDQiqfEv-8O8lmOq7vkMYTI7F9jtKDH6u', sizeBytes: 184532 },
    timestamp: '2026-05-12T13:17:07.000Z',
  }],
  'message-voice.json': [{
    kind: 'message', externalMessageId: '5123456703:1840', direction: 'inbound', from: { id: '5123456703', name: 'Ana Clara' },
    conversation: { key: '5123456703', externalChatId: '5123456703', type: 'private' },
    type: 'voice',
    media: { providerMediaId: 'AwACAgEAAxkBAAIHMGZ9A0NTvozfpVEI7r_zQKZgfj87PhxgwmAm0v9bwxcQL-RFnXuK9SkOnealXZ3U22DaPTR', mime: 'audio/ogg', sizeBytes: 10938, durationSec: 7, isVoiceNote: true },
    timestamp: '2026-05-12T13:20:07.000Z',
  }],
  'message-location.json': [{
    kind: 'message', externalMessageId: '5123456702:1851', direction: 'inbound', from: joao, conversation: joaoChat,
    type: 'location', location: { lat: -23.561684, lng: -46.655981 }, timestamp: '2026-05-12T13:22:07.000Z',
  }],
  'message-reply.json': [{
    kind: 'message', externalMessageId: '5123456701:1845', direction: 'inbound', from: maria, conversation: mariaChat,
    type: 'text', text: 'Pode ser às 15h30 então', replyTo: { externalMessageId: '5123456701:1836' }, timestamp: '2026-05-12T13:31:47.000Z',
  }],
  'message-group.json': [{
    kind: 'message', externalMessageId: '-1001987654321:412', direction: 'inbound', from: { id: '5123456705', name: 'Beatriz Lima', username: 'bialima' },
    conversation: { key: '-1001987654321', externalChatId: '-1001987654321', type: 'group', title: 'Pacientes Clínica Sorriso — Avisos' },
    type: 'text', text: '@ClinicaSorrisoBot vocês abrem no feriado de quinta? Preciso levar meu filho às 9h', timestamp: '2026-05-12T13:30:07.000Z',
  }],
  'message-sticker.json': [{
    kind: 'message', externalMessageId: '5123456702:1847', direction: 'inbound', from: joao, conversation: joaoChat,
    type: 'sticker',
    media: { providerMediaId: 'CAACAgIAAxkBAAIHN2Z50A_Qd-s0j_WQBv8AB7TPg7sXbYDOnw29qEIePxFLo-K3_Jg-s7_o2SzPgFL3iSYTuNE', sizeBytes: 22716, mime: 'image/webp' },
    timestamp: '2026-05-12T13:40:07.000Z',
  }],
  'callback-query.json': [{
    kind: 'message', externalMessageId: 'cb:2207149350219463817', direction: 'inbound', from: maria, conversation: mariaChat,
    type: 'interactive_reply', text: '14h00', interactive: { id: 'slot:2026-05-13T14:00', title: '14h00', source: 'inline_keyboard' },
    replyTo: { externalMessageId: '5123456701:1836' }, callbackQueryId: '2207149350219463817', timestamp: '2026-05-12T13:20:00.000Z',
  }],
  'edited-message.json': [{
    kind: 'message', externalMessageId: '5123456701:1834', direction: 'inbound', from: maria, conversation: mariaChat,
    type: 'system', text: 'Olá, quero agendar uma consulta amanhã às 15h', timestamp: '2026-05-12T13:16:22.000Z',
  }],
  'my-chat-member-blocked.json': [{ kind: 'connection', state: 'blocked_by_user', userId: '5123456702' }],
  'message-long-text.json': [{
    kind: 'message', externalMessageId: '5123456701:1849', direction: 'inbound', from: maria, conversation: mariaChat,
    type: 'text', text: (fixtureJson('message-long-text.json') as { message: { text: string } }).message.text, timestamp: '2026-05-12T13:45:07.000Z',
  }],
};

describe('TelegramAdapter.parse over the fixtures', () => {
  it('has an expectation for every fixture file', () => {
    const files = readdirSync(FIXTURES_DIR).filter((name) => name.endsWith('.json')).sort();
    expect(Object.keys(expected).sort()).toEqual(files);
  });

  it.each(Object.entries(expected))('%s', (name, events) => {
    const result = parse(name);
    expect(result).toStrictEqual({ accountId: BOT_ID, events: events.map((event) => ({ ...event, raw: fixtureJson(name) })) });
  });

  it('gives a re-delivered update the same externalMessageId, so the host drops it', () => {
    const [first] = parse('message-text.json').events;
    const [again] = parse('message-text-duplicate.json').events;
    expect(again).toStrictEqual(first);
  });

  it('keeps the long text whole: 4096 UTF-16 code units', () => {
    const [event] = parse('message-long-text.json').events;
    expect(event?.kind === 'message' && event.text?.length).toBe(4096);
  });
});

describe('TelegramAdapter.parse of other updates', () => {
  const chat = { id: 5123456701, type: 'private', first_name: 'Maria' };
  const from = { id: 5123456701, is_bot: false, first_name: 'Maria' };
  const base = { message_id: 7, from, chat, date: 1778591707 };

  function parseUpdate(update: unknown) {
    return adapter.parse(webhookRequest(Buffer.from(JSON.stringify(update))), config);
  }

  function messageFields(fields: Record<string, unknown>) {
    const [event] = parseUpdate({ update_id: 1, message: { ...base, ...fields } }).events;
    if (event?.kind !== 'message') throw new Error(`expected a message event, got ${JSON.stringify(event)}`);
    const { type, text, media, location } = event;
    return { type, text, media, location };
  }

  it.each([
    ['audio', { audio: { file_id: 'AU1', duration: 180, mime_type: 'audio/mpeg', file_name: 'aula.mp3', file_size: 5000 }, caption: 'ouça' },
      { type: 'audio', text: 'ouça', media: { providerMediaId: 'AU1', mime: 'audio/mpeg', fileName: 'aula.mp3', sizeBytes: 5000, durationSec: 180 }, location: undefined }],
    ['video', { video: { file_id: 'VI1', duration: 12, mime_type: 'video/mp4' } },
      { type: 'video', text: undefined, media: { providerMediaId: 'VI1', mime: 'video/mp4', durationSec: 12 }, location: undefined }],
    ['video_note', { video_note: { file_id: 'VN1', duration: 5, length: 240 } },
      { type: 'video', text: undefined, media: { providerMediaId: 'VN1', durationSec: 5 }, location: undefined }],
    ['document', { document: { file_id: 'DO1', file_name: 'exame.pdf', mime_type: 'application/pdf', file_size: 900 }, caption: 'meu exame' },
      { type: 'document', text: 'meu exame', media: { providerMediaId: 'DO1', mime: 'application/pdf', fileName: 'exame.pdf', sizeBytes: 900 }, location: undefined }],
    ['animated sticker', { sticker: { file_id: 'ST1', is_animated: true, is_video: false } },
      { type: 'sticker', text: undefined, media: { providerMediaId: 'ST1', mime: 'application/x-tgsticker' }, location: undefined }],
    ['video sticker', { sticker: { file_id: 'ST2', is_animated: false, is_video: true } },
      { type: 'sticker', text: undefined, media: { providerMediaId: 'ST2', mime: 'video/webm' }, location: undefined }],
    ['venue', { location: { latitude: -23.5, longitude: -46.6 }, venue: { location: { latitude: -23.5, longitude: -46.6 }, title: 'Clínica Sorriso', address: 'Rua Augusta, 100' } },
      { type: 'location', text: undefined, media: undefined, location: { lat: -23.5, lng: -46.6, name: 'Clínica Sorriso', address: 'Rua Augusta, 100' } }],
    ['contact', { contact: { phone_number: '+5511999990001', first_name: 'Maria', user_id: 5123456701 } },
      { type: 'contact', text: '+5511999990001', media: undefined, location: undefined }],
    ['poll', { poll: { id: 'P1', question: 'Qual horário?' } }, { type: 'unsupported', text: undefined, media: undefined, location: undefined }],
  ])('%s', (_name, fields, content) => {
    expect(messageFields(fields)).toStrictEqual(content);
  });

  it('keys a forum topic as its own conversation, and does not take the topic opener for a reply', () => {
    const topicChat = { id: -1001987654321, type: 'supergroup', title: 'Clínica', is_forum: true };
    const [event] = parseUpdate({
      update_id: 2,
      message: { ...base, chat: topicChat, message_thread_id: 55, is_topic_message: true, text: 'oi', reply_to_message: { message_id: 55, chat: topicChat, date: 1 } },
    }).events;
    expect(event).toMatchObject({ conversation: { key: '-1001987654321:55', externalChatId: '-1001987654321', type: 'group', title: 'Clínica' } });
    expect(event).not.toHaveProperty('replyTo');
  });

  it('keeps a reply thread of an ordinary supergroup in the group conversation', () => {
    const group = { id: -1001987654321, type: 'supergroup', title: 'Clínica' };
    const [event] = parseUpdate({ update_id: 3, message: { ...base, chat: group, message_thread_id: 40, text: 'oi', reply_to_message: { message_id: 40, chat: group, date: 1 } } }).events;
    expect(event).toMatchObject({ conversation: { key: '-1001987654321' }, replyTo: { externalMessageId: '-1001987654321:40' } });
  });

  it('names a message sent on behalf of a chat (anonymous admin) after that chat', () => {
    const group = { id: -1001987654321, type: 'supergroup', title: 'Clínica' };
    const [event] = parseUpdate({ update_id: 4, message: { ...base, chat: group, from: { id: 1087968824, first_name: 'Group' }, sender_chat: group, text: 'aviso' } }).events;
    expect(event).toMatchObject({ from: { id: '-1001987654321', name: 'Clínica' } });
  });

  it('gives a press on an inaccessible (old) message no title', () => {
    const query = { id: 'Q1', from, chat_instance: '1', data: 'opt:1', message: { message_id: 9, chat, date: 0 } };
    const [event] = parseUpdate({ update_id: 5, callback_query: query }).events;
    expect(event).toMatchObject({ type: 'interactive_reply', interactive: { id: 'opt:1', source: 'inline_keyboard' }, callbackQueryId: 'Q1' });
    expect(event).not.toHaveProperty('text');
    expect(event).not.toHaveProperty('interactive.title');
  });

  it('still surfaces a press without data (game button) so the host answers it', () => {
    const query = { id: 'Q2', from, chat_instance: '1', game_short_name: 'g', message: { ...base, text: 'jogue' } };
    const [event] = parseUpdate({ update_id: 6, callback_query: query }).events;
    expect(event).toMatchObject({ type: 'unsupported', callbackQueryId: 'Q2', externalMessageId: 'cb:Q2' });
  });

  it.each([
    ['an inline-mode press (no chat)', { callback_query: { id: 'Q3', from, chat_instance: '1', inline_message_id: 'IM', data: 'x' } }],
    ['a user unblocking the bot', { my_chat_member: { chat, from, date: 1, new_chat_member: { status: 'member', user: { id: 7712345601 } } } }],
    ['the bot removed from a group', { my_chat_member: { chat: { id: -100, type: 'group', title: 'G' }, from, date: 1, new_chat_member: { status: 'kicked', user: { id: 7712345601 } } } }],
    ['a channel post', { channel_post: { message_id: 1, chat: { id: -1002, type: 'channel' }, date: 1, text: 'news' } }],
    ['an inline query', { inline_query: { id: 'I', from, query: 'x', offset: '' } }],
    ['a message without a chat', { message: { message_id: 1, date: 1, text: 'x' } }],
  ])('gives no events for %s', (_name, payload) => {
    expect(parseUpdate({ update_id: 7, ...payload })).toStrictEqual({ accountId: BOT_ID, events: [] });
  });

  it('throws a clear error for a body that is not JSON, or not an object', () => {
    expect(() => adapter.parse(webhookRequest(Buffer.from('{"update_id": 1,')), config)).toThrow(/^Telegram webhook body is not valid JSON: /);
    expect(() => adapter.parse(webhookRequest(Buffer.from('[1,2]')), config)).toThrow('Telegram webhook body is not a JSON object: expected one Update');
  });

  it('refuses to parse with a broken config', () => {
    expect(() => adapter.parse(webhookRequest(fixtureBytes('message-text.json')), { secretToken: SECRET_TOKEN })).toThrow(/^Telegram channel config is invalid: botToken: /);
  });
});
