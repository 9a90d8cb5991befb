import type {
  ChannelAdapter,
  ChannelCapabilities,
  ChannelConfig,
  ParseResult,
  SendRequest,
  SendResult,
  VerifyResult,
  WebhookRequest,
} from '../channel-adapter';
import { callTelegram, TELEGRAM_TIMEOUT_MS } from './telegram.api';
import type { TelegramConfig } from './telegram.config';
import { parseTelegramConfig } from './telegram.config';
import { parseTelegramUpdate } from './telegram.inbound';
import { buildTelegramCall } from './telegram.outbound';
import type { TelegramCall } from './telegram.outbound';
import { verifyTelegramRequest } from './telegram.verify';

export type TelegramAdapterOptions = {
  /** Per Bot API call. */
  timeoutMs?: number;
  /** Receipt time, for callback queries (which carry no time). */
  now?: () => Date;
};

/** What we subscribe to: anything else is ignored by parse anyway, so Telegram need not send it. */
export const TELEGRAM_ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'];

/**
 * 4096 is sendMessage's limit (UTF-16 code units). Telegram allows up to 100 inline buttons and
 * does not limit their text, but we put one button per row: past about 8 rows the keyboard
 * scrolls off a phone, and longer titles are cut by the client, so 8 buttons and 64 characters
 * (the size of callback_data, for symmetry) are our choice. Lists become the same keyboard;
 * 10 rows matches WhatsApp's list so flows behave alike. No templates, no service window.
 */
const capabilities: ChannelCapabilities = {
  maxTextLength: 4096,
  maxButtons: 8,
  buttonTitleMax: 64,
  maxListRows: 10,
  listRowTitleMax: 64,
  media: true,
  location: true,
  templates: false,
  typing: true,
  serviceWindow: false,
};

/** Telegram Bot API (channels.md §3): webhook updates in, JSON method calls out. */
export class TelegramAdapter implements ChannelAdapter {
  readonly type = 'telegram' as const;
  private readonly timeoutMs: number;
  private readonly now: () => Date;

  constructor(options: TelegramAdapterOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? TELEGRAM_TIMEOUT_MS;
    this.now = options.now ?? (() => new Date());
  }

  capabilities(_config: ChannelConfig): ChannelCapabilities {
    return { ...capabilities };
  }

  verify(request: WebhookRequest, config: ChannelConfig): VerifyResult {
    return verifyTelegramRequest(request, config);
  }

  parse(request: WebhookRequest, config: ChannelConfig): ParseResult {
    return parseTelegramUpdate(request.rawBody, parseTelegramConfig(config).botId, this.now);
  }

  async send(request: SendRequest, channelConfig: ChannelConfig): Promise<SendResult> {
    const config = configOrFailure(channelConfig);
    if ('ok' in config) return config;
    const call = buildTelegramCall(request);
    if (!('method' in call)) return call;
    return this.deliver(call, config);
  }

  async activate(channelConfig: ChannelConfig): Promise<{ ok: true } | { ok: false; message: string }> {
    const config = configOrFailure(channelConfig);
    if ('ok' in config) return { ok: false, message: config.message };
    if (!config.webhookUrl) return { ok: false, message: 'Cannot register the Telegram webhook: the host gave no webhookUrl (is PUBLIC_URL set?)' };
    const outcome = await callTelegram(config, 'setWebhook', {
      url: config.webhookUrl,
      secret_token: config.secretToken,
      allowed_updates: TELEGRAM_ALLOWED_UPDATES,
      // Updates queued while the webhook was being changed are still customers' messages.
      drop_pending_updates: false,
    }, this.timeoutMs);
    if (outcome.ok) return { ok: true };
    return { ok: false, message: `Could not register the Telegram webhook at ${config.webhookUrl}: ${outcome.failure.message}` };
  }

  /** The download URL holds the bot token, as Telegram designed it: never log it. */
  async resolveMedia(providerMediaId: string, channelConfig: ChannelConfig): Promise<{ url: string; mime?: string; headers: Record<string, string> }> {
    const config = parseTelegramConfig(channelConfig);
    const outcome = await callTelegram(config, 'getFile', { file_id: providerMediaId }, this.timeoutMs);
    if (!outcome.ok) throw new Error(`Cannot resolve Telegram file ${providerMediaId}: ${outcome.failure.message}`);
    const filePath = (outcome.result as { file_path?: unknown } | undefined)?.file_path;
    // Files over the Bot API's 20 MB download cap come back without a file_path.
    if (typeof filePath !== 'string') throw new Error(`Cannot resolve Telegram file ${providerMediaId}: getFile gave no file_path (files over 20 MB cannot be downloaded by bots)`);
    return { url: `${config.apiBaseUrl}/file/bot${config.botToken}/${filePath}`, headers: {} };
  }

  private async deliver(call: TelegramCall, config: TelegramConfig): Promise<SendResult> {
    const outcome = await callTelegram(config, call.method, call.body, this.timeoutMs);
    if (!outcome.ok) return outcome.failure;
    // sendChatAction answers `true`: there is no message to name.
    if (call.method === 'sendChatAction') return { ok: true, externalMessageId: '' };
    const sent = outcome.result as { message_id?: unknown; chat?: { id?: unknown } } | undefined;
    if (typeof sent?.message_id !== 'number') {
      // It was sent, so a retry would send it twice.
      return { ok: false, category: 'provider', retriable: false, message: `Telegram ${call.method} answered ok without a message_id` };
    }
    const chatId = typeof sent.chat?.id === 'number' ? sent.chat.id : call.body['chat_id'];
    return { ok: true, externalMessageId: `${String(chatId)}:${sent.message_id}` };
  }
}

/**
 * Stops the button's loading spinner. The host calls it for every callback_query; a late answer
 * fails with "query is too old", which is safe to ignore.
 */
export async function answerCallbackQuery(
  callbackQueryId: string,
  channelConfig: ChannelConfig,
  options: { text?: string; timeoutMs?: number } = {},
): Promise<{ ok: true } | { ok: false; message: string }> {
  const config = configOrFailure(channelConfig);
  if ('ok' in config) return { ok: false, message: config.message };
  const body = { callback_query_id: callbackQueryId, ...(options.text ? { text: options.text } : {}) };
  const outcome = await callTelegram(config, 'answerCallbackQuery', body, options.timeoutMs ?? TELEGRAM_TIMEOUT_MS);
  return outcome.ok ? { ok: true } : { ok: false, message: outcome.failure.message };
}

/** A broken config is the channel's setup, not the message: 'auth' sends the operator to the credentials. */
function configOrFailure(channelConfig: ChannelConfig): TelegramConfig | Extract<SendResult, { ok: false }> {
  try {
    return parseTelegramConfig(channelConfig);
  } catch (error) {
    return { ok: false, category: 'auth', retriable: false, message: (error as Error).message };
  }
}
