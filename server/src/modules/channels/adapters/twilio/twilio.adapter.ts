import type { ZodError } from 'zod';
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
import { providerFetch } from '../provider-http';
import type { ProviderFetch } from '../provider-http';
import type { TwilioConfig } from './twilio.config';
import { isWhatsAppSender, parseTwilioConfig } from './twilio.config';
import { parseTwilioWebhook, twilioBusinessAddress, twilioMediaAccess } from './twilio.inbound';
import { sendTwilioMessage, TWILIO_MAX_BODY } from './twilio.outbound';
import { verifyTwilioSignature } from './twilio.signature';

export type TwilioAdapterOptions = {
  /** Twilio's inbound webhook carries no time: events are stamped with this clock. */
  now?: () => Date;
  /** How long one send may take before it counts as a (retriable) provider failure. */
  timeoutMs?: number;
  /** The HTTP client of the sends (default providerFetch). */
  fetch?: ProviderFetch;
};

type ConfigResult = { ok: true; config: TwilioConfig } | { ok: false; message: string };

/** Issues name the field and the rule, never the value, so secrets stay out of the message. */
function readConfig(config: ChannelConfig): ConfigResult {
  try {
    return { ok: true, config: parseTwilioConfig(config) };
  } catch (error) {
    const issues = (error as ZodError).issues ?? [];
    const message = issues.map((issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`).join('; ') || String(error);
    return { ok: false, message: `The Twilio channel's config is invalid: ${message}.` };
  }
}

/**
 * Twilio Programmable Messaging, WhatsApp or SMS by the `from` sender (channels.md §4). Pure and
 * stateless: everything comes in the config of each call.
 */
export class TwilioAdapter implements ChannelAdapter {
  readonly type = 'twilio' as const;
  private readonly now: () => Date;
  private readonly timeoutMs: number;
  private readonly fetch: ProviderFetch;

  constructor(options: TwilioAdapterOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.fetch = options.fetch ?? providerFetch;
  }

  /**
   * No buttons or lists: Twilio sends them only as pre-built Content API resources (ContentSid),
   * so the host degrades them to numbered options. No location either: the host sends the
   * address and a maps link.
   */
  capabilities(config: ChannelConfig): ChannelCapabilities {
    return {
      maxTextLength: TWILIO_MAX_BODY,
      maxButtons: 0,
      buttonTitleMax: 0,
      maxListRows: 0,
      listRowTitleMax: 0,
      media: true,
      location: false,
      templates: false,
      typing: false,
      serviceWindow: typeof config.from === 'string' && isWhatsAppSender(config.from.trim()),
    };
  }

  /**
   * The signature proves the request is the account's; the number it names proves it is this
   * channel's. Without it, a second number of the same account whose webhook points (by mistake)
   * at this channel's URL would have its customers answered by this channel's flows.
   */
  verify(request: WebhookRequest, config: ChannelConfig): VerifyResult {
    const read = readConfig(config);
    if (!read.ok) return { ok: false, reason: read.message };
    const signed = verifyTwilioSignature(request, read.config.authToken);
    if (!signed.ok) return signed;
    const number = twilioBusinessAddress(request);
    if (number && number.toLowerCase() !== read.config.from.toLowerCase()) {
      return { ok: false, reason: `This webhook is for ${number}, not this channel's number ${read.config.from}: point that number's webhook at the URL of its own channel.` };
    }
    return signed;
  }

  parse(request: WebhookRequest, _config: ChannelConfig): ParseResult {
    return parseTwilioWebhook(request, this.now());
  }

  async send(request: SendRequest, config: ChannelConfig): Promise<SendResult> {
    const read = readConfig(config);
    if (!read.ok) return { ok: false, category: 'invalid_request', retriable: false, message: read.message };
    const webhookUrl = typeof config.webhookUrl === 'string' && config.webhookUrl ? config.webhookUrl : undefined;
    return sendTwilioMessage(request, read.config, webhookUrl, { timeoutMs: this.timeoutMs, now: this.now, fetch: this.fetch });
  }

  /** Inbound media URLs (the provider media id) need the account's Basic auth to download. */
  async resolveMedia(providerMediaId: string, config: ChannelConfig): Promise<{ url: string; headers: Record<string, string> }> {
    const read = readConfig(config);
    if (!read.ok) throw new Error(read.message);
    return twilioMediaAccess(providerMediaId, read.config);
  }
}
