import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { pinoHttp } from 'pino-http';
import { runWithLogContext } from './log-context';
import { logger } from './logger';

const httpLogger = pinoHttp({
  logger,
  genReqId: (req) => (typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : randomUUID()),
  // Health probes every few seconds would drown the log.
  autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
  customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
  serializers: {
    req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
    res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
  },
});

/** Logs every request and opens the log context that tenant and conversation ids join later. */
export function requestLogging(req: Request, res: Response, next: NextFunction): void {
  httpLogger(req, res);
  runWithLogContext({ requestId: String(req.id) }, next);
}
