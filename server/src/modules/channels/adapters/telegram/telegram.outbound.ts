import type { OutboundButton, OutboundListSection, OutboundMediaType, OutboundMessage } from '@fluxo/node-sdk';

import type { SendRequest, SendResult } from '../channel-adapter';
import type { SendFailure } from './telegram.errors';

/** One Bot API call that delivers a message. */
export type TelegramCall = { method: string; body: Record<string, unknown> };

type Target = { chat_id: number | string; message_thread_id?: number };

/** Bot API limits (core.telegram.org/bots/api): callback_data is 1–64 bytes, a media caption 0–1024 characters. */
export const CALLBACK_DATA_MAX_BYTES = 64;
export const CAPTION_MAX_LENGTH = 1024;

const mediaMethods: Record<OutboundMediaType, { method: string; field: string }> = {
  image: { method: 'sendPhoto', field: 'photo' },
  video: { method: 'sendVideo', field: 'video' },
  voice: { method: 'sendVoice', field: 'voice' },
  audio: { method: 'sendAudio', field: 'audio' },
  document: { method: 'sendDocument', field: 'document' },
};

/**
 * Turns one already-degraded message into the Bot API call that sends it, or into the result
 * when no call is needed or possible. Text goes without parse_mode: it is plain, so nothing in
 * it needs escaping.
 */
export function buildTelegramCall(request: SendRequest): TelegramCall | SendResult {
  const target = targetOf(request.to);
  const message = request.message;
  if (message.kind === 'typing') {
    // Telegram cannot cancel "typing": it stops by itself after ~5 s or at our next message.
    return message.on ? { method: 'sendChatAction', body: { ...target, action: 'typing' } } : { ok: true, externalMessageId: '' };
  }
  if (message.kind === 'template') {
    return { ok: false, category: 'unsupported', retriable: false, message: 'Telegram has no message templates: send the text itself' };
  }
  const call = contentCall(message);
  if (!('method' in call)) return call;
  return { method: call.method, body: { ...target, ...call.body, ...replyParametersOf(request.replyToExternalMessageId) } };
}

type ContentMessage = Exclude<OutboundMessage, { kind: 'typing' } | { kind: 'template' }>;

function contentCall(message: ContentMessage): TelegramCall | SendFailure {
  switch (message.kind) {
    case 'text':
      return { method: 'sendMessage', body: { text: message.text, ...(message.previewUrl === false ? { link_preview_options: { is_disabled: true } } : {}) } };
    case 'buttons':
      return keyboardCall(joinParts(message.header, message.text, message.footer), message.buttons);
    case 'list':
      return keyboardCall(joinParts(message.header, message.text, ...sectionBlocks(message.sections), message.footer), message.sections.flatMap((section) => section.rows));
    case 'media':
      return mediaCall(message);
    case 'location':
      return { method: 'sendLocation', body: { latitude: message.lat, longitude: message.lng } };
  }
}

/** One button per row, so long titles are not squeezed side by side on a phone. */
function keyboardCall(text: string, options: OutboundButton[]): TelegramCall | SendFailure {
  const tooLong = options.find((option) => !fitsCallbackData(option.id));
  if (tooLong) {
    const bytes = Buffer.byteLength(tooLong.id, 'utf8');
    return invalid(`option id "${tooLong.id.slice(0, 80)}" is ${bytes} bytes; Telegram's callback_data takes 1–${CALLBACK_DATA_MAX_BYTES} bytes: give the option a shorter id`);
  }
  const inline_keyboard = options.map((option) => [{ text: option.title, callback_data: option.id }]);
  return { method: 'sendMessage', body: { text, reply_markup: { inline_keyboard } } };
}

function fitsCallbackData(id: string): boolean {
  const bytes = Buffer.byteLength(id, 'utf8');
  return bytes >= 1 && bytes <= CALLBACK_DATA_MAX_BYTES;
}

/**
 * A keyboard has no section headings and buttons no descriptions, so those move into the text:
 * a section with a title or described rows is listed there, its rows in button order.
 */
function sectionBlocks(sections: OutboundListSection[]): string[] {
  return sections
    .filter((section) => section.title || section.rows.some((row) => row.description))
    .map((section) => {
      const rows = section.rows.map((row) => `• ${row.title}${row.description ? ` — ${row.description}` : ''}`);
      return [section.title, ...rows].filter((line) => line).join('\n');
    });
}

function mediaCall(message: Extract<OutboundMessage, { kind: 'media' }>): TelegramCall | SendFailure {
  const { method, field } = mediaMethods[message.mediaType];
  if (message.caption !== undefined && message.caption.length > CAPTION_MAX_LENGTH) {
    return invalid(`the caption is ${message.caption.length} characters; Telegram takes at most ${CAPTION_MAX_LENGTH}: send the rest as a text message`);
  }
  // By URL Telegram names the file after the URL; fileName only applies to uploads.
  return { method, body: { [field]: message.url, ...(message.caption ? { caption: message.caption } : {}) } };
}

/** `to` is a chat id, or `chat:thread` (our conversation key) to post into a forum topic. */
export function targetOf(to: string): Target {
  const match = /^(-?\d+)(?::(\d+))?$/.exec(to);
  if (!match) return { chat_id: to };
  return { chat_id: Number(match[1]), ...(match[2] ? { message_thread_id: Number(match[2]) } : {}) };
}

/**
 * Our message ids are `chat:message_id`; Telegram wants the message_id alone. Other forms (a
 * callback's `cb:` id) cannot be quoted, so the reply is dropped as on channels without replies.
 * allow_sending_without_reply keeps the message from failing when the quoted one was deleted.
 */
function replyParametersOf(externalMessageId: string | undefined): Record<string, unknown> {
  const match = externalMessageId === undefined ? null : /^(?:-?\d+:)?(\d+)$/.exec(externalMessageId);
  return match ? { reply_parameters: { message_id: Number(match[1]), allow_sending_without_reply: true } } : {};
}

function joinParts(...parts: Array<string | undefined>): string {
  return parts.filter((part): part is string => part !== undefined && part.trim() !== '').join('\n\n');
}

function invalid(message: string): SendFailure {
  return { ok: false, category: 'invalid_request', retriable: false, message };
}
