import type { ChannelAdapter, ChannelCapabilities, ChannelConfig, ParseResult, SendRequest, SendResult, VerifyResult, WebhookRequest } from '../channel-adapter';
import { EvolutionConfigError, parseEvolutionConfig, type EvolutionConfig } from './evolution.config';
import { parseEvolutionWebhook, verifyEvolutionJwt } from './evolution.inbound';
import { activateEvolution, resolveEvolutionMedia, sendEvolution, type EvolutionHttpOptions } from './evolution.outbound';

/**
 * Evolution API v2 with the Baileys integration: WhatsApp through a linked device
 * (channels.md §1). Stateless: every call gets the channel's config.
 */

export type EvolutionAdapterOptions = {
  /** The clock, for JWT expiry and receipt times (tests freeze it). */
  now?: () => Date;
  /** Per REST call; Evolution holds a send open while the instance reconnects. */
  timeoutMs?: number;
};

/** 10 s: a healthy instance answers in well under a second; longer means it is not connected. */
const DEFAULT_TIMEOUT_MS = 10_000;

const CAPABILITIES: ChannelCapabilities = Object.freeze({
  // WhatsApp takes much longer texts (cap unconfirmed); 4096 keeps parity with the Cloud API (§1.9).
  maxTextLength: 4096,
  // Baileys does not deliver buttons (maintainer reply, evolution-api issue #1272) and sendList is
  // unreliable or broken (issue #1620): with 0 the host degrades both to numbered options (§6.6).
  maxButtons: 0,
  buttonTitleMax: 0,
  maxListRows: 0,
  listRowTitleMax: 0,
  media: true,
  location: true,
  // Templates are a Cloud API concept; Baileys sends free-form text at any time.
  templates: false,
  typing: true,
  // No 24-hour window on a linked device (ban risk instead, see §1.9).
  serviceWindow: false,
});

export class EvolutionAdapter implements ChannelAdapter {
  readonly type = 'evolution' as const;
  private readonly http: EvolutionHttpOptions;

  constructor(options: EvolutionAdapterOptions = {}) {
    const clock = options.now;
    this.http = { now: clock ? () => clock().getTime() : Date.now, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  }

  capabilities(_config: ChannelConfig): ChannelCapabilities {
    return CAPABILITIES;
  }

  /**
   * Evolution signs nothing over the body. The host has already checked the unguessable token in
   * the webhook URL; with `jwtKey` set, the Bearer JWT must also be valid (§1.5).
   */
  verify(request: WebhookRequest, config: ChannelConfig): VerifyResult {
    const { jwtKey } = parseEvolutionConfig(config);
    if (!jwtKey) return { ok: true };
    return verifyEvolutionJwt(request.headers.authorization, jwtKey, this.http.now());
  }

  /** The instance name comes back as accountId: the host checks it against the channel's. */
  parse(request: WebhookRequest, _config: ChannelConfig): ParseResult {
    return parseEvolutionWebhook(request.rawBody, this.http.now);
  }

  async send(request: SendRequest, config: ChannelConfig): Promise<SendResult> {
    const parsed = tryConfig(config);
    if (!parsed.ok) return { ok: false, category: 'invalid_request', retriable: false, message: parsed.message };
    return sendEvolution(request, parsed.config, this.http);
  }

  async activate(config: ChannelConfig): Promise<{ ok: true } | { ok: false; message: string }> {
    const parsed = tryConfig(config);
    if (!parsed.ok) return parsed;
    return activateEvolution(parsed.config, this.http);
  }

  /** `providerMediaId` is the message's key.id; the answer is a data: URL (no download headers). */
  async resolveMedia(providerMediaId: string, config: ChannelConfig): Promise<{ url: string; mime?: string; headers: Record<string, string> }> {
    return resolveEvolutionMedia(providerMediaId, parseEvolutionConfig(config), this.http);
  }
}

/** A bad config fails a send or an activation with a message instead of throwing. */
function tryConfig(config: ChannelConfig): { ok: true; config: EvolutionConfig } | { ok: false; message: string } {
  try {
    return { ok: true, config: parseEvolutionConfig(config) };
  } catch (error) {
    if (error instanceof EvolutionConfigError) return { ok: false, message: error.message };
    throw error;
  }
}
