import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { runWithLogContext } from './log-context';
import { logger } from './logger';

/**
 * Secrets that travel in URLs: the token of an Evolution webhook URL, and whatever a query string
 * holds (Meta's `hub.verify_token`, an API key a caller of an HTTP trigger put there). The log
 * keeps the path, with the token masked, and only the names of the query's parameters.
 */
export function loggedUrl(url: string): string {
  const queryAt = url.indexOf('?');
  const path = (queryAt === -1 ? url : url.slice(0, queryAt)).replace(/^(\/webhooks\/evolution\/[^/]+\/)[^/]+/, '$1[redacted]');
  if (queryAt === -1) return path;
  const names = [...new URLSearchParams(url.slice(queryAt + 1)).keys()];
  return names.length ? `${path}?${[...new Set(names)].map((name) => `${name}=…`).join('&')}` : path;
}

/** Logs every request (health probes aside) and opens the log context that tenant and conversation ids join later. */
export function createRequestLogging(log: Logger) {
  const httpLogger = pinoHttp({
    logger: log,
    genReqId: (req) => (typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : randomUUID()),
    // Health probes every few seconds would drown the log.
    autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    // The serializers get the request and response themselves: the standard ones would first copy
    // every header and socket detail, only for these few fields to be picked out of the copy.
    wrapSerializers: false,
    serializers: {
      // originalUrl: express rewrites req.url inside routers; the log shows what was asked for.
      req: (req: IncomingMessage & { originalUrl?: string }) => ({ id: req.id, method: req.method, url: loggedUrl(req.originalUrl ?? req.url ?? '') }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      err: pino.stdSerializers.err,
    },
  });
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    httpLogger(req, res);
    runWithLogContext({ requestId: String(req.id) }, next);
  };
}

export const requestLogging = createRequestLogging(logger);
