import type { OutboundMessage } from '@fluxo/node-sdk';

import { buildTelegramCall, targetOf } from './telegram.outbound';

function build(message: OutboundMessage, extra: { to?: string; replyToExternalMessageId?: string } = {}) {
  return buildTelegramCall({ to: extra.to ?? '5123456701', message, idempotencyKey: 'k1', ...extra });
}

describe('buildTelegramCall', () => {
  it('sends text as plain sendMessage', () => {
    expect(build({ kind: 'text', text: 'Olá <b>&' })).toStrictEqual({ method: 'sendMessage', body: { chat_id: 5123456701, text: 'Olá <b>&' } });
  });

  it('turns link previews off only when asked', () => {
    expect(build({ kind: 'text', text: 'https://x.example', previewUrl: false })).toStrictEqual({
      method: 'sendMessage',
      body: { chat_id: 5123456701, text: 'https://x.example', link_preview_options: { is_disabled: true } },
    });
  });

  it('puts buttons one per row, header and footer around the text', () => {
    const message: OutboundMessage = { kind: 'buttons', header: 'Agenda', text: 'Confirma?', footer: 'Clínica Sorriso', buttons: [{ id: 'yes', title: 'Confirmar' }, { id: 'no', title: 'Cancelar' }] };
    expect(build(message)).toStrictEqual({
      method: 'sendMessage',
      body: {
        chat_id: 5123456701,
        text: 'Agenda\n\nConfirma?\n\nClínica Sorriso',
        reply_markup: { inline_keyboard: [[{ text: 'Confirmar', callback_data: 'yes' }], [{ text: 'Cancelar', callback_data: 'no' }]] },
      },
    });
  });

  it('refuses a button id over 64 bytes, counting bytes rather than characters', () => {
    const id = 'ç'.repeat(33); // 33 characters, 66 bytes
    expect(build({ kind: 'buttons', text: 'x', buttons: [{ id: 'ok', title: 'Ok' }, { id, title: 'Longo' }] })).toStrictEqual({
      ok: false,
      category: 'invalid_request',
      retriable: false,
      message: `option id "${id}" is 66 bytes; Telegram's callback_data takes 1–64 bytes: give the option a shorter id`,
    });
    expect(build({ kind: 'buttons', text: 'x', buttons: [{ id: 'a'.repeat(64), title: 'Ok' }] })).toHaveProperty('method', 'sendMessage');
  });

  it('lists sections (titles and descriptions) in the text and every row as a button', () => {
    const message: OutboundMessage = {
      kind: 'list', text: 'Escolha um horário', buttonLabel: 'Ver horários',
      sections: [
        { title: 'Manhã', rows: [{ id: 's1', title: '08h00', description: 'Dra. Luíza' }, { id: 's2', title: '09h00' }] },
        { title: 'Tarde', rows: [{ id: 's3', title: '14h00' }] },
      ],
    };
    expect(build(message)).toStrictEqual({
      method: 'sendMessage',
      body: {
        chat_id: 5123456701,
        text: 'Escolha um horário\n\nManhã\n• 08h00 — Dra. Luíza\n• 09h00\n\nTarde\n• 14h00',
        reply_markup: { inline_keyboard: [[{ text: '08h00', callback_data: 's1' }], [{ text: '09h00', callback_data: 's2' }], [{ text: '14h00', callback_data: 's3' }]] },
      },
    });
  });

  it('keeps the text alone for a list without section titles or descriptions', () => {
    const call = build({ kind: 'list', text: 'Escolha', buttonLabel: 'Ver', sections: [{ rows: [{ id: 'a', title: 'A' }] }] });
    expect(call).toStrictEqual({ method: 'sendMessage', body: { chat_id: 5123456701, text: 'Escolha', reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] } } });
  });

  it.each([
    ['image', 'sendPhoto', 'photo'],
    ['video', 'sendVideo', 'video'],
    ['voice', 'sendVoice', 'voice'],
    ['audio', 'sendAudio', 'audio'],
    ['document', 'sendDocument', 'document'],
  ] as const)('sends %s media with %s', (mediaType, method, field) => {
    expect(build({ kind: 'media', mediaType, url: 'https://cdn.example/f', caption: 'legenda', fileName: 'f.bin' })).toStrictEqual({
      method,
      body: { chat_id: 5123456701, [field]: 'https://cdn.example/f', caption: 'legenda' },
    });
  });

  it('refuses a caption over 1024 characters', () => {
    expect(build({ kind: 'media', mediaType: 'image', url: 'https://cdn.example/f', caption: 'x'.repeat(1025) })).toStrictEqual({
      ok: false,
      category: 'invalid_request',
      retriable: false,
      message: 'the caption is 1025 characters; Telegram takes at most 1024: send the rest as a text message',
    });
  });

  it('sends a location, typing, and nothing for "typing off"', () => {
    expect(build({ kind: 'location', lat: -23.56, lng: -46.65, name: 'Clínica' })).toStrictEqual({ method: 'sendLocation', body: { chat_id: 5123456701, latitude: -23.56, longitude: -46.65 } });
    expect(build({ kind: 'typing', on: true })).toStrictEqual({ method: 'sendChatAction', body: { chat_id: 5123456701, action: 'typing' } });
    expect(build({ kind: 'typing', on: false })).toStrictEqual({ ok: true, externalMessageId: '' });
  });

  it('has no templates', () => {
    expect(build({ kind: 'template', name: 'lembrete', language: 'pt_BR', variables: {} })).toStrictEqual({
      ok: false, category: 'unsupported', retriable: false, message: 'Telegram has no message templates: send the text itself',
    });
  });

  it.each([
    ['our chat:message form', '5123456701:1836', { reply_parameters: { message_id: 1836, allow_sending_without_reply: true } }],
    ['a group id', '-1001987654321:412', { reply_parameters: { message_id: 412, allow_sending_without_reply: true } }],
    ['a bare message id', '1836', { reply_parameters: { message_id: 1836, allow_sending_without_reply: true } }],
    ['a callback id, which cannot be quoted', 'cb:2207149350219463817', {}],
  ])('replies to %s', (_name, replyTo, extra) => {
    expect(build({ kind: 'text', text: 'ok' }, { replyToExternalMessageId: replyTo })).toStrictEqual({ method: 'sendMessage', body: { chat_id: 5123456701, text: 'ok', ...extra } });
  });

  it('posts into a forum topic when `to` is a chat:thread conversation key', () => {
    expect(build({ kind: 'text', text: 'oi' }, { to: '-1001987654321:55' })).toStrictEqual({ method: 'sendMessage', body: { chat_id: -1001987654321, message_thread_id: 55, text: 'oi' } });
  });
});

describe('targetOf', () => {
  it.each([
    ['5123456701', { chat_id: 5123456701 }],
    ['-1001987654321', { chat_id: -1001987654321 }],
    ['-1001987654321:55', { chat_id: -1001987654321, message_thread_id: 55 }],
    ['@clinicasorriso', { chat_id: '@clinicasorriso' }],
  ])('%s', (to, target) => {
    expect(targetOf(to)).toStrictEqual(target);
  });
});
