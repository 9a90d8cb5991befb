import type { InboundInteractive, InboundMedia, InboundMessageType, OutboundMessage } from '@fluxo/node-sdk';

/**
 * The contract every messaging channel implements (docs: shared/docs/channels.md §6). An adapter
 * is stateless: it gets the channel's decrypted config with every call, verifies and parses
 * webhooks from their raw bytes, and sends one already-degraded message over HTTP.
 */

export type ChannelType = 'whatsapp_cloud' | 'evolution' | 'telegram' | 'twilio' | 'webchat';

/**
 * The decrypted config of one connected channel (secrets included): adapters only. The host adds
 * `webhookUrl` (the public URL of this channel's webhook, e.g. for Twilio's StatusCallback).
 */
export type ChannelConfig = Record<string, unknown> & { webhookUrl?: string };

/** One webhook request, as it arrived. */
export type WebhookRequest = {
  method: string;
  /** The exact bytes of the body: signatures are computed over them, never over re-serialized JSON. */
  rawBody: Buffer;
  /** Lower-case header names. */
  headers: Record<string, string>;
  query: Record<string, string>;
  /** The public URL the provider called (PUBLIC_URL + path + query), for Twilio's signature. */
  url: string;
};

export type VerifyResult = { ok: true } | { ok: false; reason: string };

/** The person on the other side, as the channel identifies them. */
export type ChannelIdentity = {
  /** Stable per channel: wa_id or BSUID, JID/LID, Telegram user id, Twilio WaId/From. */
  id: string;
  name?: string;
  /** E.164 digits without '+', canonical Brazilian form (see phone.ts); absent when unknown. */
  phone?: string;
  username?: string;
  /** Other ids seen for the same person (LID, BSUID, the legacy 12-digit Brazilian number). */
  aliases?: string[];
};

export type ParsedInboundMessage = {
  kind: 'message';
  /** The provider's id of the message (wamid, key.id, chat:message_id, MessageSid). */
  externalMessageId: string;
  /** `echo`: sent from the business's own account (phone, WhatsApp Web), not by a customer. */
  direction: 'inbound' | 'echo';
  from: ChannelIdentity;
  conversation: {
    /** Unique within the channel connection: everything conversational hangs off it. */
    key: string;
    /** Where replies go (wa_id, remoteJid, chat.id, From). */
    externalChatId: string;
    type: 'private' | 'group';
    title?: string;
  };
  type: InboundMessageType;
  text?: string;
  media?: InboundMedia;
  location?: { lat: number; lng: number; name?: string; address?: string };
  interactive?: InboundInteractive;
  reaction?: { targetExternalMessageId: string; emoji: string | null };
  replyTo?: { externalMessageId: string };
  /** ISO-8601 UTC, the provider's time (receipt time where the provider sends none). */
  timestamp: string;
  /** Telegram callback queries want an answer, or the button keeps spinning. */
  callbackQueryId?: string;
  raw: unknown;
};

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'played' | 'failed' | 'deleted';

export type SendFailureCategory = 'outside_window' | 'rate_limited' | 'recipient_unreachable' | 'blocked_by_user' | 'invalid_request' | 'auth' | 'provider' | 'unsupported';

export type ParsedStatus = {
  kind: 'status';
  /** The id the provider gave our message when we sent it. */
  externalMessageId: string;
  status: DeliveryStatus;
  error?: { code: string; message?: string; category: SendFailureCategory };
  timestamp: string;
  raw: unknown;
};

export type ParsedConnection = {
  kind: 'connection';
  state: 'qr_required' | 'connecting' | 'open' | 'closed' | 'logged_out' | 'blocked_by_user';
  qr?: { code: string; pngDataUrl?: string; pairingCode?: string | null };
  userId?: string;
  raw: unknown;
};

export type ParsedEvent = ParsedInboundMessage | ParsedStatus | ParsedConnection;

export type ParseResult = {
  events: ParsedEvent[];
  /** The provider account the payload names (phone_number_id, instance, bot id, AccountSid): must match the channel's. */
  accountId?: string;
};

/** What a channel can show; the degrade step turns anything beyond it into what it can. */
export type ChannelCapabilities = {
  maxTextLength: number;
  /** Reply buttons: at most this many, titles at most `buttonTitleMax` characters; 0 = none. */
  maxButtons: number;
  buttonTitleMax: number;
  /** Lists: at most this many rows in total, row titles at most `listRowTitleMax`; 0 = none. */
  maxListRows: number;
  listRowTitleMax: number;
  media: boolean;
  location: boolean;
  templates: boolean;
  typing: boolean;
  /** WhatsApp's 24-hour customer-service window applies. */
  serviceWindow: boolean;
};

/** One message ready for the channel (degraded already), with where it goes. */
export type SendRequest = {
  to: string;
  message: OutboundMessage;
  /** Ours, stable across retries; providers that take one get it, to never send twice. */
  idempotencyKey: string;
  replyToExternalMessageId?: string;
};

export type SendResult =
  | { ok: true; externalMessageId: string }
  | { ok: false; category: SendFailureCategory; retriable: boolean; retryAfterMs?: number; providerCode?: string; message: string };

export interface ChannelAdapter {
  readonly type: ChannelType;
  capabilities(config: ChannelConfig): ChannelCapabilities;
  verify(request: WebhookRequest, config: ChannelConfig): VerifyResult;
  parse(request: WebhookRequest, config: ChannelConfig): ParseResult;
  send(request: SendRequest, config: ChannelConfig): Promise<SendResult>;
  /** Registers the webhook with the provider where it has an API for that (Telegram setWebhook, Evolution webhook/set). */
  activate?(config: ChannelConfig): Promise<{ ok: true } | { ok: false; message: string }>;
  /** A provider media id → a URL to download it, with the headers the download needs (bearer token...). */
  resolveMedia?(providerMediaId: string, config: ChannelConfig): Promise<{ url: string; mime?: string; headers: Record<string, string> }>;
}
