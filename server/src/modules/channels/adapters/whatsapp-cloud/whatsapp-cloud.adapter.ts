import type { ChannelAdapter, ChannelCapabilities, ChannelConfig, ParseResult, SendRequest, SendResult, VerifyResult, WebhookRequest } from '../channel-adapter';
import { providerFetch } from '../provider-http';
import type { ProviderResponse } from '../provider-http';
import { graphUrl, parseWhatsAppCloudConfig } from './whatsapp-cloud.config';
import type { WhatsAppCloudConfig } from './whatsapp-cloud.config';
import { networkFailure, sendFailure } from './whatsapp-cloud.errors';
import { parseWebhookBody } from './whatsapp-cloud.inbound';
import { buildMessageBody } from './whatsapp-cloud.outbound';
import type { GraphBody } from './whatsapp-cloud.outbound';
import { verifyWebhook } from './whatsapp-cloud.verify';

export { parseWhatsAppCloudConfig } from './whatsapp-cloud.config';
export type { WhatsAppCloudConfig } from './whatsapp-cloud.config';
export { verifyHandshake } from './whatsapp-cloud.verify';
export type { HandshakeResult } from './whatsapp-cloud.verify';

/** Meta's limits (channels.md §2.7): the degrade step fits messages to these before send. */
export const WHATSAPP_CLOUD_CAPABILITIES: Readonly<ChannelCapabilities> = Object.freeze({
  maxTextLength: 4096,
  maxButtons: 3,
  buttonTitleMax: 20,
  maxListRows: 10,
  listRowTitleMax: 24,
  media: true,
  location: true,
  templates: true,
  typing: true,
  serviceWindow: true,
});

export const WHATSAPP_CLOUD_TIMEOUT_MS = 10_000;

export type WhatsAppCloudAdapterOptions = {
  /** How long one Graph call may take before it counts as a (retriable) network failure. */
  timeoutMs?: number;
};

type GraphAnswer = { status: number; headers: ProviderResponse['headers']; text: string; body: unknown };

/** WhatsApp Business Cloud API (Meta Graph API). Stateless: everything comes from the config of each call. */
export class WhatsAppCloudAdapter implements ChannelAdapter {
  readonly type = 'whatsapp_cloud' as const;
  private readonly timeoutMs: number;

  constructor(options: WhatsAppCloudAdapterOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? WHATSAPP_CLOUD_TIMEOUT_MS;
  }

  capabilities(_config?: ChannelConfig): ChannelCapabilities {
    return { ...WHATSAPP_CLOUD_CAPABILITIES };
  }

  verify(request: WebhookRequest, config: ChannelConfig): VerifyResult {
    return verifyWebhook(request, config);
  }

  /** The config is not needed: the host checks `accountId` against the channel's phoneNumberId. */
  parse(request: WebhookRequest, _config: ChannelConfig): ParseResult {
    return parseWebhookBody(request.rawBody);
  }

  async send(request: SendRequest, config: ChannelConfig): Promise<SendResult> {
    let cloud: WhatsAppCloudConfig;
    try {
      cloud = parseWhatsAppCloudConfig(config);
    } catch (error) {
      // A broken config fails the same way on every attempt: retrying cannot help.
      return { ok: false, category: 'invalid_request', retriable: false, message: (error as Error).message };
    }
    const body = buildMessageBody(request);
    if (!body) return { ok: true, externalMessageId: '' };
    let answer: GraphAnswer;
    try {
      answer = await this.call(graphUrl(cloud, cloud.phoneNumberId, 'messages'), cloud, body);
    } catch (error) {
      return networkFailure(error, this.timeoutMs);
    }
    if (answer.status < 200 || answer.status >= 300) return this.failure(answer, cloud);
    // The typing indicator answers {success: true}: there is no message to track.
    if (request.message.kind === 'typing') return { ok: true, externalMessageId: '' };
    const id = (answer.body as { messages?: Array<{ id?: unknown }> } | undefined)?.messages?.[0]?.id;
    if (typeof id === 'string' && id) return { ok: true, externalMessageId: id };
    return {
      ok: false,
      category: 'provider',
      retriable: false,
      message: `WhatsApp Cloud API answered HTTP ${answer.status} without a message id: the message may have been sent, so it is not retried`,
    };
  }

  /** `GET /{version}/{media-id}` gives a short-lived URL (about 5 minutes) that needs the same bearer token. */
  async resolveMedia(providerMediaId: string, config: ChannelConfig): Promise<{ url: string; mime?: string; headers: Record<string, string> }> {
    const cloud = parseWhatsAppCloudConfig(config);
    const what = `WhatsApp Cloud media ${providerMediaId} could not be resolved`;
    let answer: GraphAnswer;
    try {
      answer = await this.call(graphUrl(cloud, providerMediaId), cloud);
    } catch (error) {
      throw new Error(`${what}: ${networkFailure(error, this.timeoutMs).message}`);
    }
    if (answer.status < 200 || answer.status >= 300) throw new Error(`${what}: ${this.failure(answer, cloud).message}`);
    const { url, mime_type: mime } = (answer.body ?? {}) as { url?: unknown; mime_type?: unknown };
    if (typeof url !== 'string' || !url) throw new Error(`${what}: the Graph API answer has no url`);
    return { url, ...(typeof mime === 'string' ? { mime } : {}), headers: { authorization: `Bearer ${cloud.accessToken}` } };
  }

  private async call(url: string, cloud: WhatsAppCloudConfig, body?: GraphBody): Promise<GraphAnswer> {
    const response = await providerFetch(url, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${cloud.accessToken}`, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, body: parseJson(text) };
  }

  private failure(answer: GraphAnswer, cloud: WhatsAppCloudConfig): Extract<SendResult, { ok: false }> {
    const secrets = [cloud.accessToken, cloud.appSecret, cloud.verifyToken];
    return sendFailure({ httpStatus: answer.status, body: answer.body, retryAfter: answer.headers.get('retry-after'), bodyText: answer.text }, secrets);
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
