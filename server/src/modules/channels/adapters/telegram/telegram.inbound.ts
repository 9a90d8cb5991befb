import type { ChannelIdentity, ParsedEvent, ParsedInboundMessage, ParseResult } from '../channel-adapter';
import type { TgCallbackQuery, TgChat, TgChatMemberUpdated, TgFile, TgMessage, TgSticker, TgUpdate, TgUser } from './telegram.types';

type Clock = () => Date;
type Content = Pick<ParsedInboundMessage, 'type' | 'text' | 'media' | 'location'>;

/**
 * One webhook body is exactly one Update with one payload field (channels.md §3.1). Kinds we do
 * not handle, and payloads too broken to route, give no events rather than an error: an error
 * would make Telegram redeliver the same update for up to a day.
 */
export function parseTelegramUpdate(rawBody: Buffer, botId: string, now: Clock): ParseResult {
  return { accountId: botId, events: eventsOf(readUpdate(rawBody), now) };
}

function readUpdate(rawBody: Buffer): TgUpdate {
  let value: unknown;
  try {
    value = JSON.parse(rawBody.toString('utf8'));
  } catch (error) {
    throw new Error(`Telegram webhook body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('Telegram webhook body is not a JSON object: expected one Update');
  }
  return value as TgUpdate;
}

function eventsOf(update: TgUpdate, now: Clock): ParsedEvent[] {
  if (update.message !== undefined) return isMessage(update.message) ? [messageEvent(update.message, update, now)] : [];
  if (update.edited_message !== undefined) return isMessage(update.edited_message) ? [editedEvent(update.edited_message, update, now)] : [];
  if (update.callback_query !== undefined) return callbackEvents(update.callback_query, update, now);
  if (update.my_chat_member !== undefined) return memberEvents(update.my_chat_member, update);
  return [];
}

function isMessage(value: unknown): value is TgMessage {
  const message = value as TgMessage | null;
  return typeof message?.message_id === 'number' && typeof message.chat?.id === 'number';
}

function messageEvent(message: TgMessage, update: TgUpdate, now: Clock): ParsedInboundMessage {
  return {
    kind: 'message',
    externalMessageId: `${message.chat.id}:${message.message_id}`,
    direction: 'inbound',
    from: senderOf(message),
    conversation: conversationOf(message.chat, message),
    ...contentOf(message),
    ...replyOf(message),
    timestamp: isoTime(message.date, now),
    raw: update,
  };
}

/** Same externalMessageId as the original on purpose: the host upserts edits by chat.id + message_id (§3.3). */
function editedEvent(message: TgMessage, update: TgUpdate, now: Clock): ParsedInboundMessage {
  return { ...messageEvent(message, update, now), type: 'system', timestamp: isoTime(message.edit_date ?? message.date, now) };
}

function callbackEvents(query: TgCallbackQuery, update: TgUpdate, now: Clock): ParsedEvent[] {
  const message = query.message;
  // Inline-mode presses carry no chat (only inline_message_id): there is no conversation to run.
  if (typeof query.id !== 'string' || typeof query.from?.id !== 'number' || !message || typeof message.chat?.id !== 'number') return [];
  const base: ParsedInboundMessage = {
    kind: 'message',
    externalMessageId: `cb:${query.id}`,
    direction: 'inbound',
    from: userIdentity(query.from),
    conversation: conversationOf(message.chat, message),
    type: 'unsupported',
    replyTo: { externalMessageId: `${message.chat.id}:${message.message_id}` },
    // A callback query has no time of its own.
    timestamp: now().toISOString(),
    callbackQueryId: query.id,
    raw: update,
  };
  // Game buttons send game_short_name instead of data: still answered, nothing to route.
  if (query.data === undefined) return [base];
  const title = buttonTitle(message, query.data);
  const titled = title === undefined ? {} : { text: title };
  return [{ ...base, type: 'interactive_reply', ...titled, interactive: { id: query.data, ...(title === undefined ? {} : { title }), source: 'inline_keyboard' } }];
}

/** Inaccessible (old) messages come without reply_markup: then there is no title to show. */
function buttonTitle(message: TgMessage, data: string): string | undefined {
  const buttons = message.reply_markup?.inline_keyboard?.flat() ?? [];
  return buttons.find((button) => button.callback_data === data)?.text;
}

/** In a private chat, our bot being "kicked" means the user blocked it; in a group it was removed. */
function memberEvents(change: TgChatMemberUpdated, update: TgUpdate): ParsedEvent[] {
  if (change.chat?.type !== 'private' || change.new_chat_member?.status !== 'kicked') return [];
  return [{ kind: 'connection', state: 'blocked_by_user', userId: String(change.from?.id ?? change.chat.id), raw: update }];
}

function conversationOf(chat: TgChat, message: TgMessage): ParsedInboundMessage['conversation'] {
  const chatId = String(chat.id);
  // Forum topics are separate conversations; outside forums message_thread_id marks reply threads, which are not.
  const topic = message.is_topic_message === true && message.message_thread_id !== undefined ? `:${message.message_thread_id}` : '';
  const isPrivate = chat.type === undefined || chat.type === 'private';
  return { key: chatId + topic, externalChatId: chatId, type: isPrivate ? 'private' : 'group', ...(chat.title ? { title: chat.title } : {}) };
}

/** Messages sent on behalf of a chat (anonymous admins, linked channels) carry a placeholder `from`. */
function senderOf(message: TgMessage): ChannelIdentity {
  const chat = message.sender_chat;
  if (chat) return { id: String(chat.id), ...(chat.title ? { name: chat.title } : {}), ...(chat.username ? { username: chat.username } : {}) };
  if (message.from) return userIdentity(message.from);
  return { id: String(message.chat.id) };
}

function userIdentity(user: TgUser): ChannelIdentity {
  const name = [user.first_name, user.last_name].filter((part) => part).join(' ');
  return { id: String(user.id), ...(name ? { name } : {}), ...(user.username ? { username: user.username } : {}) };
}

function contentOf(message: TgMessage): Content {
  const caption = message.caption === undefined ? {} : { text: message.caption };
  if (message.text !== undefined) return { type: 'text', text: message.text };
  // Sizes come smallest to largest.
  const photo = message.photo?.at(-1);
  if (photo) return { type: 'image', ...caption, media: mediaOf(photo) };
  if (message.voice) return { type: 'voice', ...caption, media: { ...mediaOf(message.voice), isVoiceNote: true } };
  if (message.audio) return { type: 'audio', ...caption, media: mediaOf(message.audio) };
  const video = message.video ?? message.video_note;
  if (video) return { type: 'video', ...caption, media: mediaOf(video) };
  if (message.document) return { type: 'document', ...caption, media: mediaOf(message.document) };
  if (message.sticker) return { type: 'sticker', media: { ...mediaOf(message.sticker), mime: stickerMime(message.sticker) } };
  // A venue also carries `location`: look at it first so its name and address are kept.
  if (message.venue) return { type: 'location', location: venueLocation(message.venue) };
  if (message.location) return { type: 'location', location: { lat: message.location.latitude, lng: message.location.longitude } };
  // The phone is what a flow asking for a contact wants; the rest stays in raw.
  if (message.contact) return { type: 'contact', text: message.contact.phone_number };
  return { type: 'unsupported', ...caption };
}

function mediaOf(file: TgFile): NonNullable<ParsedInboundMessage['media']> {
  return {
    providerMediaId: file.file_id,
    ...(file.mime_type ? { mime: file.mime_type } : {}),
    ...(file.file_name ? { fileName: file.file_name } : {}),
    ...(file.file_size === undefined ? {} : { sizeBytes: file.file_size }),
    ...(file.duration === undefined ? {} : { durationSec: file.duration }),
  };
}

/** Telegram gives stickers no mime_type; the format follows from these two flags. */
function stickerMime(sticker: TgSticker): string {
  if (sticker.is_animated) return 'application/x-tgsticker';
  return sticker.is_video ? 'video/webm' : 'image/webp';
}

function venueLocation(venue: NonNullable<TgMessage['venue']>): NonNullable<ParsedInboundMessage['location']> {
  return { lat: venue.location.latitude, lng: venue.location.longitude, ...(venue.title ? { name: venue.title } : {}), ...(venue.address ? { address: venue.address } : {}) };
}

function replyOf(message: TgMessage): Pick<ParsedInboundMessage, 'replyTo'> {
  const quoted = message.reply_to_message;
  // Inside a forum topic every message "replies" to the topic's opening service message.
  if (!quoted || (message.is_topic_message === true && quoted.message_id === message.message_thread_id)) return {};
  return { replyTo: { externalMessageId: `${message.chat.id}:${quoted.message_id}` } };
}

function isoTime(unixSeconds: number | undefined, now: Clock): string {
  // Inaccessible messages report date 0: that is "unknown", not 1970.
  return unixSeconds ? new Date(unixSeconds * 1000).toISOString() : now().toISOString();
}
