import pino from 'pino';
import type { Logger } from 'pino';
import { currentLogContext } from './log-context';

/**
 * Paths that may hold secrets anywhere in a log object. Redaction is a second wall: code should
 * not log secrets in the first place.
 */
export const REDACTED_PATHS = [
  'password', '*.password', 'token', '*.token', 'accessToken', '*.accessToken', 'refreshToken', '*.refreshToken',
  'apiKey', '*.apiKey', 'secret', '*.secret', 'authorization', '*.authorization',
  'req.headers.authorization', 'req.headers.cookie', 'req.headers["x-fluxo-secret"]', 'req.headers["x-hub-signature-256"]',
];

/** The process logger's settings; a destination other than stdout is for tests. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // tenantId / conversationId / requestId of the running request or job, on every line.
    mixin: () => ({ ...currentLogContext() }),
    base: { service: 'fluxo' },
  }, destination);
}

/**
 * The process logger; its level follows LOG_LEVEL once the config is read (setLogLevel). Lines are
 * buffered (a write per 4 KiB, not per line: syscalls are what logging costs), and flushed on stop.
 */
export const logger: Logger = createLogger(process.env.NODE_ENV === 'test' ? 'silent' : 'info', pino.destination({ dest: 1, sync: false, minLength: 4096 }));

export function setLogLevel(level: string): void {
  logger.level = level;
}

// A quiet server's lines must not wait in the buffer for long: flush at least once a second.
setInterval(() => logger.flush(), 1_000).unref();
