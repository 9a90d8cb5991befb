import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeHttpServer } from './fake-http-server';
import type { FakeAnswer, RecordedRequest } from './fake-http-server';

/** The test secrets of shared/fixtures/channels/whatsapp-cloud/README.md (copied into server/test/fixtures). */
export const WHATSAPP_CLOUD_TEST = {
  appSecret: '4f3c2b1a0e9d8c7b6a5f4e3d2c1b0a99',
  verifyToken: 'verifica-clinica-sorriso-2026',
  phoneNumberId: '118273645509182',
  businessNumber: '5511999990000',
  accessToken: 'EAAtest-fake-cloud-token',
  apiVersion: 'v25.0',
} as const;

export const WHATSAPP_CLOUD_FIXTURES_DIR = join(__dirname, '..', '..', 'fixtures', 'channels', 'whatsapp-cloud');

/** A fixture's exact bytes: signatures are over them, so never re-serialize. */
export function whatsAppCloudFixture(name: string): Buffer {
  return readFileSync(join(WHATSAPP_CLOUD_FIXTURES_DIR, name));
}

/** The X-Hub-Signature-256 header value Meta would send for `body`. */
export function signWhatsAppCloudBody(body: Buffer | string, appSecret: string = WHATSAPP_CLOUD_TEST.appSecret): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}

/** A Graph API error body, as Meta sends it (channels.md §2.10). */
export function graphError(code: number, message: string, options: { status?: number; type?: string; details?: string; headers?: Record<string, string> } = {}): FakeAnswer {
  return {
    status: options.status ?? 400,
    headers: options.headers,
    body: {
      error: {
        message,
        type: options.type ?? 'OAuthException',
        code,
        ...(options.details ? { error_data: { messaging_product: 'whatsapp', details: options.details } } : {}),
        fbtrace_id: 'AfakeTraceId0000000000',
      },
    },
  };
}

export type WhatsAppCloudFakeOptions = {
  accessToken?: string;
  phoneNumberId?: string;
  version?: string;
};

export type FakeMedia = { mimeType: string; content: string; sha256?: string };

export type SentMessage = { id: string; body: Record<string, unknown>; request: RecordedRequest };

/**
 * A fake Graph API for one business number: the messages endpoint, media lookup and media
 * download, all behind the bearer token. It rejects what Meta would reject outright (token,
 * messaging_product, recipient, a missing payload for the named type), so a broken request fails
 * here too instead of passing silently.
 */
export class WhatsAppCloudFake {
  readonly server = new FakeHttpServer();
  /** `/{version}/{phoneNumberId}/messages` */
  readonly messagesPath: string;
  private readonly media = new Map<string, FakeMedia>();
  private readonly accepted: SentMessage[] = [];
  private readonly receipts: Array<Record<string, unknown>> = [];
  private counter = 0;

  constructor(
    readonly accessToken: string,
    readonly phoneNumberId: string,
    readonly version: string,
  ) {
    this.messagesPath = `/${version}/${phoneNumberId}/messages`;
    this.server
      .route((request) => (this.authorized(request) ? undefined : graphError(190, 'Invalid OAuth access token - Cannot parse access token', { status: 401 })))
      .route((request) => this.answerMessage(request))
      .route((request) => this.answerMediaLookup(request))
      .route((request) => this.answerMediaDownload(request));
  }

  /** The base URL to put in the channel config's `apiBaseUrl`. */
  get url(): string {
    return this.server.url;
  }

  /** A channel config that talks to this fake, with the fixtures' App Secret and verify token. */
  channelConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      phoneNumberId: this.phoneNumberId,
      accessToken: this.accessToken,
      appSecret: WHATSAPP_CLOUD_TEST.appSecret,
      verifyToken: WHATSAPP_CLOUD_TEST.verifyToken,
      apiBaseUrl: this.url,
      apiVersion: this.version,
      ...overrides,
    };
  }

  /** Every POST to the messages endpoint, accepted or not, in arrival order. */
  requests(): RecordedRequest[] {
    return this.server.requests.filter((request) => this.isMessagesCall(request));
  }

  /** The JSON bodies of those requests. */
  bodies(): Array<Record<string, unknown>> {
    return this.requests().map((request) => request.body as Record<string, unknown>);
  }

  /** The messages the fake accepted, with the wamid it answered. */
  sent(): SentMessage[] {
    return [...this.accepted];
  }

  /** Accepted mark-read / typing-indicator calls. */
  readReceipts(): Array<Record<string, unknown>> {
    return [...this.receipts];
  }

  /** Every Graph answer from now on takes `ms` (0: back to instant). */
  slowDown(ms: number): void {
    this.server.slowDown(ms);
  }

  /** The media lookups (`GET /{version}/{mediaId}`) and downloads, in arrival order. */
  mediaRequests(): RecordedRequest[] {
    return this.server.requests.filter((request) => request.method === 'GET' && (request.path.startsWith(`/${this.version}/`) || request.path.startsWith('/media-download/')));
  }

  /** The media is gone (Meta keeps it 30 days): lookups answer Graph error 100 again. */
  forgetMedia(mediaId: string): void {
    this.media.delete(mediaId);
  }

  /** Makes `GET /{version}/{mediaId}` and its download URL answer with this media; returns the download URL. */
  addMedia(mediaId: string, media: FakeMedia): string {
    this.media.set(mediaId, media);
    return this.downloadUrl(mediaId);
  }

  /**
   * The next messages call gets `answer` (e.g. graphError(131056, …), a 500) instead of the normal
   * one; with `which`, the next one whose body it accepts.
   */
  failNextSend(answer: FakeAnswer, which: (body: Record<string, unknown>) => boolean = () => true): void {
    this.server.failNext(answer, (request) => this.isMessagesCall(request) && which((request.body ?? {}) as Record<string, unknown>));
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private authorized(request: RecordedRequest): boolean {
    return request.headers.authorization === `Bearer ${this.accessToken}`;
  }

  private isMessagesCall(request: RecordedRequest): boolean {
    return request.method === 'POST' && request.path === this.messagesPath;
  }

  private downloadUrl(mediaId: string): string {
    return `${this.url}/media-download/${encodeURIComponent(mediaId)}`;
  }

  private answerMessage(request: RecordedRequest): FakeAnswer | undefined {
    if (!this.isMessagesCall(request)) return undefined;
    const body = request.body as Record<string, unknown> | undefined;
    const problem = messageProblem(body);
    if (problem || !body) return graphError(100, problem ?? '(#100) The request body must be JSON');
    if (body.status === 'read') {
      this.receipts.push(body);
      return { status: 200, body: { success: true } };
    }
    const id = `wamid.${++this.counter}`;
    this.accepted.push({ id, body, request });
    const message = body.type === 'template' ? { id, message_status: 'accepted' } : { id };
    return { status: 200, body: { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [message] } };
  }

  private answerMediaLookup(request: RecordedRequest): FakeAnswer | undefined {
    const prefix = `/${this.version}/`;
    const mediaId = request.method === 'GET' && request.path.startsWith(prefix) ? decodeURIComponent(request.path.slice(prefix.length)) : undefined;
    if (!mediaId || mediaId.includes('/')) return undefined;
    const item = this.media.get(mediaId);
    if (!item) {
      return graphError(100, `Unsupported get request. Object with ID '${mediaId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`);
    }
    const body = { messaging_product: 'whatsapp', url: this.downloadUrl(mediaId), mime_type: item.mimeType, sha256: item.sha256 ?? 'fake-sha256', file_size: Buffer.byteLength(item.content), id: mediaId };
    return { status: 200, body };
  }

  private answerMediaDownload(request: RecordedRequest): FakeAnswer | undefined {
    const match = /^\/media-download\/([^/]+)$/.exec(request.path);
    const item = match && request.method === 'GET' ? this.media.get(decodeURIComponent(match[1]!)) : undefined;
    return item ? { status: 200, body: item.content, headers: { 'content-type': item.mimeType } } : undefined;
  }
}

/** Starts the fake on 127.0.0.1 (a free port); defaults are the fixtures' business number and a test token. */
export async function startWhatsAppCloudFake(options: WhatsAppCloudFakeOptions = {}): Promise<WhatsAppCloudFake> {
  const fake = new WhatsAppCloudFake(options.accessToken ?? WHATSAPP_CLOUD_TEST.accessToken, options.phoneNumberId ?? WHATSAPP_CLOUD_TEST.phoneNumberId, options.version ?? WHATSAPP_CLOUD_TEST.apiVersion);
  await fake.server.start();
  return fake;
}

/** What Meta rejects with code 100 before looking any further; undefined when the body passes. */
function messageProblem(body: Record<string, unknown> | undefined): string | undefined {
  if (!body || typeof body !== 'object') return '(#100) The request body must be JSON';
  if (body.messaging_product !== 'whatsapp') return '(#100) The parameter messaging_product is required.';
  if (body.status === 'read') return typeof body.message_id === 'string' && body.message_id ? undefined : '(#100) The parameter message_id is required.';
  if (typeof body.to !== 'string' || !body.to) return '(#100) The parameter to is required.';
  const type = typeof body.type === 'string' ? body.type : 'text';
  if (typeof body[type] !== 'object' || body[type] === null) return `(#100) Param ${type} is required.`;
  return undefined;
}
