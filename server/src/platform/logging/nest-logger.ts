import type { LoggerService } from '@nestjs/common';
import { logger } from './logger';

/** Boot chatter (one line per module and route) that only matters when debugging. */
const CHATTY_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'WebSocketsController']);

/** Nest's own messages (boot, routes) through pino, so every line is structured JSON. */
export class NestPinoLogger implements LoggerService {
  log(message: unknown, context?: string): void {
    if (context && CHATTY_CONTEXTS.has(context)) logger.debug({ context }, String(message));
    else logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    logger.trace({ context }, String(message));
  }
}
