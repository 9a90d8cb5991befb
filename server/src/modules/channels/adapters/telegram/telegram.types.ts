/**
 * The parts of the Bot API's wire objects this adapter reads (core.telegram.org/bots/api).
 * Every field is optional on purpose: Telegram adds and omits fields freely (channels.md §0).
 */

export type TgUser = { id: number; is_bot?: boolean; first_name?: string; last_name?: string; username?: string };

export type TgChat = { id: number; type?: 'private' | 'group' | 'supergroup' | 'channel'; title?: string; username?: string; first_name?: string; last_name?: string };

export type TgFile = { file_id: string; file_unique_id?: string; file_size?: number; mime_type?: string; file_name?: string; duration?: number };

export type TgSticker = TgFile & { is_animated?: boolean; is_video?: boolean; emoji?: string };

export type TgInlineButton = { text?: string; callback_data?: string; url?: string };

export type TgMessage = {
  message_id: number;
  message_thread_id?: number;
  is_topic_message?: boolean;
  from?: TgUser;
  sender_chat?: TgChat;
  chat: TgChat;
  date?: number;
  edit_date?: number;
  text?: string;
  caption?: string;
  photo?: TgFile[];
  voice?: TgFile;
  audio?: TgFile;
  video?: TgFile;
  video_note?: TgFile;
  document?: TgFile;
  sticker?: TgSticker;
  location?: { latitude: number; longitude: number };
  venue?: { location: { latitude: number; longitude: number }; title?: string; address?: string };
  contact?: { phone_number: string; first_name?: string; last_name?: string; user_id?: number };
  reply_to_message?: TgMessage;
  reply_markup?: { inline_keyboard?: TgInlineButton[][] };
};

export type TgCallbackQuery = { id: string; from: TgUser; message?: TgMessage; data?: string; inline_message_id?: string };

export type TgChatMemberUpdated = {
  chat: TgChat;
  from: TgUser;
  date?: number;
  new_chat_member?: { status?: string; user?: TgUser };
};

export type TgUpdate = {
  update_id?: number;
  message?: TgMessage;
  edited_message?: TgMessage;
  callback_query?: TgCallbackQuery;
  my_chat_member?: TgChatMemberUpdated;
};

/** Every Bot API answer: `result` on success, `error_code` + `description` (+ `parameters`) on failure. */
export type TgResponse = {
  ok?: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
};
