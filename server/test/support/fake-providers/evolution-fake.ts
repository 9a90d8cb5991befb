import type { FakeAnswer, RecordedRequest } from './fake-http-server';
import { FakeHttpServer } from './fake-http-server';

/** The media getBase64FromMediaMessage hands out for one message id. */
export type EvolutionFakeMedia = { base64: string; mimetype: string; mediaType?: string; fileName?: string };

export type EvolutionFakeOptions = {
  /** The `apikey` header every call must carry (instance token or global key). */
  apiKey: string;
  /** The instance name every path must end with. */
  instance: string;
  /** message id → media, for getBase64FromMediaMessage. */
  media?: Record<string, EvolutionFakeMedia>;
};

export type EvolutionFake = {
  server: FakeHttpServer;
  /** Use as the channel's `baseUrl`. */
  url: string;
  apiKey: string;
  instance: string;
  /** Calls of one endpoint (`message/sendText`, `chat/sendPresence`, `webhook/set`…), in arrival order. */
  calls(method: string): RecordedRequest[];
  /** The `webhook` object of the last accepted webhook/set call. */
  webhook(): Record<string, unknown> | undefined;
  addMedia(messageId: string, media: EvolutionFakeMedia): void;
  /** Sends to this number (digits or JID) answer 400 `exists:false`, as for a number without WhatsApp. */
  notOnWhatsApp(number: string): void;
  close(): Promise<void>;
};

/** Evolution's error body (`{status, error, response:{message:[…]}}`), for `server.failNext(...)`. */
export function evolutionError(status: number, messages: unknown[], error = status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : status >= 500 ? 'Internal Server Error' : 'Bad Request'): FakeAnswer {
  return { status, body: { status, error, response: { message: messages } } };
}

/** Matches calls of one endpoint, for `server.failNext(answer, evolutionMethod('message/sendText'))`. */
export function evolutionMethod(method: string): (request: RecordedRequest) => boolean {
  return (request) => request.path.startsWith(`/${method}/`);
}

/** What each endpoint requires in the body (Evolution validates with JSON schema first). */
const required: Record<string, string[]> = {
  'message/sendText': ['number', 'text'],
  'message/sendMedia': ['number', 'mediatype'],
  'message/sendWhatsAppAudio': ['number'],
  'message/sendLocation': ['number', 'latitude', 'longitude', 'name', 'address'],
  'chat/sendPresence': ['number', 'presence'],
  'webhook/set': ['webhook'],
  'chat/getBase64FromMediaMessage': ['message'],
};

/**
 * A local Evolution API v2 server: the send endpoints, sendPresence, webhook/set and
 * getBase64FromMediaMessage. A wrong `apikey` gets 401, another instance name 404 (as Evolution).
 * Sends answer 201 in upsert shape with `3EB0…` ids (like WhatsApp Web/Baileys ids), counting up.
 */
export async function startEvolutionFake(options: EvolutionFakeOptions): Promise<EvolutionFake> {
  const server = new FakeHttpServer();
  const state: FakeState = { media: new Map(Object.entries(options.media ?? {})), unknownNumbers: new Set(), webhook: undefined, sent: 0 };
  server.route((request) => answer(request, options, state));
  await server.start();
  return {
    server,
    url: server.url,
    apiKey: options.apiKey,
    instance: options.instance,
    calls: (method) => server.requests.filter(evolutionMethod(method)),
    webhook: () => state.webhook,
    addMedia: (messageId, file) => void state.media.set(messageId, file),
    notOnWhatsApp: (number) => void state.unknownNumbers.add(number.replace(/@s\.whatsapp\.net$/, '')),
    close: () => server.close(),
  };
}

type FakeState = {
  media: Map<string, EvolutionFakeMedia>;
  unknownNumbers: Set<string>;
  webhook: Record<string, unknown> | undefined;
  /** Messages sent so far: the next id's counter. */
  sent: number;
};

/** Evolution's order: auth, instance, route, body schema, then the call itself. */
function answer(request: RecordedRequest, options: EvolutionFakeOptions, state: FakeState): FakeAnswer | undefined {
  const call = /^\/(message|chat|webhook)\/([A-Za-z0-9]+)\/([^/]+)$/.exec(request.path);
  if (!call || request.method !== 'POST') return undefined;
  if (request.headers['apikey'] !== options.apiKey) return evolutionError(401, ['Unauthorized']);
  const instance = decodeURIComponent(call[3]!);
  if (instance !== options.instance) return evolutionError(404, [`The "${instance}" instance does not exist`]);
  const method = `${call[1]}/${call[2]}`;
  const fields = required[method];
  if (!fields) return evolutionError(404, [`Cannot POST ${request.path}`], 'Not Found');
  const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
  const missing = fields.find((field) => body[field] === undefined);
  if (missing) return evolutionError(400, [`instance requires property "${missing}"`]);
  if (method === 'webhook/set') {
    state.webhook = body['webhook'] as Record<string, unknown>;
    return { status: 201, body: { id: 'cmfakewebhook0001', ...state.webhook, instanceId: fakeInstanceId } };
  }
  if (method === 'chat/getBase64FromMediaMessage') return mediaAnswer(body, state.media);
  const number = String(body['number']);
  if (state.unknownNumbers.has(number)) return evolutionError(400, [{ jid: jidOf(number), exists: false, number }]);
  if (method === 'chat/sendPresence') return { status: 201, body: { presence: body['presence'] } };
  state.sent += 1;
  return { status: 201, body: sentMessage(body, method, `3EB0${state.sent.toString(16).toUpperCase().padStart(18, '0')}`) };
}

const fakeInstanceId = '5f0c2a9e-7d41-4b8e-9a3c-1e6b2d8f4a70';

/** Evolution's createJid: digits are a person; anything with `@` is a JID already. */
function jidOf(number: string): string {
  return number.includes('@') ? number : `${number.replace(/\D/g, '')}@s.whatsapp.net`;
}

/** The created message, shaped like `send-message-api.json` (the upsert of our own send). */
function sentMessage(body: Record<string, unknown>, method: string, id: string): Record<string, unknown> {
  const [messageType, content] = contentOf(method, body);
  return {
    key: { remoteJid: jidOf(String(body['number'])), fromMe: true, id },
    pushName: '',
    status: 'PENDING',
    message: { [messageType]: content },
    messageType,
    messageTimestamp: Math.floor(Date.now() / 1000),
    instanceId: fakeInstanceId,
    source: 'web',
  };
}

function contentOf(method: string, body: Record<string, unknown>): [string, unknown] {
  switch (method) {
    case 'message/sendText':
      return ['conversation', body['text']];
    case 'message/sendWhatsAppAudio':
      return ['audioMessage', { url: body['audio'], mimetype: 'audio/ogg; codecs=opus', ptt: true }];
    case 'message/sendLocation':
      return ['locationMessage', { degreesLatitude: body['latitude'], degreesLongitude: body['longitude'], name: body['name'], address: body['address'] }];
    default:
      return [`${String(body['mediatype'])}Message`, { url: body['media'], mimetype: body['mimetype'], caption: body['caption'], fileName: body['fileName'] }];
  }
}

function mediaAnswer(body: Record<string, unknown>, media: Map<string, EvolutionFakeMedia>): FakeAnswer {
  const id = (body['message'] as { key?: { id?: unknown } } | undefined)?.key?.id;
  const file = typeof id === 'string' ? media.get(id) : undefined;
  if (!file) return evolutionError(400, ['Error: Message not found']);
  return { status: 201, body: { mediaType: file.mediaType ?? 'imageMessage', fileName: file.fileName, caption: null, size: {}, mimetype: file.mimetype, base64: file.base64, buffer: null } };
}
