import Redis from 'ioredis';
import type { AppConfig } from '../../../platform/config/app-config';
import { logger } from '../../../platform/logging/logger';
import { RedisSendPacer } from './redis-send-pacer';
import { LocalSendPacer } from './send-pacer';
import type { SendPacer } from './send-pacer';

/** Injection token of the process's SendPacer. */
export const SEND_PACER = Symbol('SEND_PACER');

/**
 * With Redis, workers may run in several processes: the channels' pace is kept there, shared.
 * Connected on the first send, so processes that never deliver open no connection. The process
 * owns it, like the job queue: it closes after the queue, whose last running deliveries still pace.
 */
export function createSendPacer(config: Pick<AppConfig, 'redisUrl' | 'queuePrefix'>): SendPacer {
  if (!config.redisUrl) return new LocalSendPacer();
  // Auto-pipelined: the reservations of the deliveries that start in one event-loop pass go in one write.
  const redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2, enableAutoPipelining: true });
  // A lost connection fails the sends that pace through it (they retry); here it is only reported.
  redis.on('error', (error: Error) => logger.warn({ err: error }, 'send pacer: Redis connection error'));
  return new RedisSendPacer(redis, config.queuePrefix);
}
