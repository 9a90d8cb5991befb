import type { FakeAnswer, RecordedRequest } from './fake-http-server';
import { FakeHttpServer } from './fake-http-server';

/** Methods that send a message and answer it (`result` is a Message). */
const messageMethods = new Set(['sendMessage', 'sendPhoto', 'sendDocument', 'sendVoice', 'sendAudio', 'sendVideo', 'sendLocation']);
/** Methods that answer `result: true`. */
const trueMethods = new Set(['sendChatAction', 'answerCallbackQuery', 'setWebhook']);

export type TelegramFakeFile = { filePath: string; content: string; contentType?: string };

export type TelegramFakeOptions = {
  botToken: string;
  /** file_id → what getFile and the download give. */
  files?: Record<string, TelegramFakeFile>;
  /** First message_id handed out. */
  firstMessageId?: number;
};

export type TelegramFake = {
  server: FakeHttpServer;
  /** Use as the channel's `apiBaseUrl`. */
  url: string;
  botToken: string;
  /** Calls of one Bot API method, in arrival order (any token). */
  calls(method: string): RecordedRequest[];
  addFile(fileId: string, file: TelegramFakeFile): void;
  close(): Promise<void>;
};

/** A Bot API error answer, for `server.failNext(...)`. */
export function telegramError(errorCode: number, description: string, parameters?: Record<string, unknown>): FakeAnswer {
  return { status: errorCode, body: { ok: false, error_code: errorCode, description, ...(parameters ? { parameters } : {}) } };
}

/** Matches calls of one method, for `server.failNext(answer, telegramMethod('sendMessage'))`. */
export function telegramMethod(method: string): (request: RecordedRequest) => boolean {
  return (request) => request.path.endsWith(`/${method}`) && request.path.startsWith('/bot');
}

/**
 * A local Bot API: `POST /bot<token>/<method>` and `GET /file/bot<token>/<file_path>`. Sends
 * answer like Telegram (`{ok:true,result:Message}`) with increasing message ids; a different
 * token gets Telegram's 401. Script failures through `server.failNext` and `telegramError`.
 */
export async function startTelegramFake(options: TelegramFakeOptions): Promise<TelegramFake> {
  const server = new FakeHttpServer();
  const files = new Map(Object.entries(options.files ?? {}));
  let nextMessageId = options.firstMessageId ?? 1;
  server.route((request) => {
    const call = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(request.path);
    if (!call) return undefined;
    if (call[1] !== options.botToken) return telegramError(401, 'Unauthorized');
    return answerMethod(call[2]!, paramsOf(request), files, () => nextMessageId++);
  });
  server.route((request) => {
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(request.path);
    if (!download || request.method !== 'GET') return undefined;
    if (download[1] !== options.botToken) return telegramError(401, 'Unauthorized');
    const file = [...files.values()].find((candidate) => candidate.filePath === decodeURIComponent(download[2]!));
    return file ? { status: 200, body: file.content, headers: { 'content-type': file.contentType ?? 'application/octet-stream' } } : telegramError(404, 'Not Found');
  });
  await server.start();
  return {
    server,
    url: server.url,
    botToken: options.botToken,
    calls: (method) => server.requests.filter(telegramMethod(method)),
    addFile: (fileId, file) => void files.set(fileId, file),
    close: () => server.close(),
  };
}

function answerMethod(method: string, params: Record<string, unknown>, files: Map<string, TelegramFakeFile>, nextId: () => number): FakeAnswer {
  if (messageMethods.has(method)) {
    if (params['chat_id'] === undefined || params['chat_id'] === '') return telegramError(400, 'Bad Request: chat_id is empty');
    const text = params['text'] ?? params['caption'];
    const result = { message_id: nextId(), chat: { id: chatIdOf(params['chat_id']) }, date: Math.floor(Date.now() / 1000), ...(text === undefined ? {} : { text }) };
    return { status: 200, body: { ok: true, result } };
  }
  if (trueMethods.has(method)) return { status: 200, body: { ok: true, result: true, ...(method === 'setWebhook' ? { description: 'Webhook was set' } : {}) } };
  if (method === 'getFile') {
    const fileId = String(params['file_id'] ?? '');
    const file = files.get(fileId);
    if (!file) return telegramError(400, 'Bad Request: invalid file_id');
    return { status: 200, body: { ok: true, result: { file_id: fileId, file_unique_id: `u-${fileId.slice(0, 8)}`, file_size: Buffer.byteLength(file.content), file_path: file.filePath } } };
  }
  return telegramError(404, 'Not Found');
}

/** Forms and query strings carry numbers as text; Telegram answers chat ids as numbers. */
function chatIdOf(value: unknown): unknown {
  return typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
}

/** Telegram takes parameters as JSON, as a form, or in the query string. */
function paramsOf(request: RecordedRequest): Record<string, unknown> {
  const query = Object.fromEntries(new URL(request.url, 'http://fake').searchParams);
  const body = typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>) : {};
  return { ...query, ...body };
}
