import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import Redis from 'ioredis';
import { createHttpApp } from '../../src/bootstrap';
import { createSendPacer } from '../../src/modules/channels/delivery/create-send-pacer';
import { loadConfig } from '../../src/platform/config/app-config';
import type { AppConfig } from '../../src/platform/config/app-config';
import type { Database } from '../../src/platform/database/database';
import { logger } from '../../src/platform/logging/logger';
import { createJobQueue } from '../../src/platform/queue';
import { InProcessRuntimeEvents, RedisRuntimeEvents } from '../../src/runtime-host/turn-events';
import { createTestDatabase } from './test-database';
import type { TestDatabaseKind } from './test-database';
import { TestClient } from './test-client';

export const TEST_SECRET_KEY = 'test-secret-key-0123456789abcdef0123456789';
/** The Redis server tests use: TEST_REDIS_URL, or the local server CI starts. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export type TestApp = {
  app: INestApplication;
  database: Database;
  config: AppConfig;
  baseUrl: string;
  client: TestClient;
  /** The environment a worker process needs to join this app (same database, Redis prefix and key). */
  processEnv(): Record<string, string>;
  close(): Promise<void>;
};

export type TestAppOptions = {
  /** A fresh database of this kind, or an existing one (a restart: it stays open when the app closes). */
  database?: TestDatabaseKind | Database;
  env?: Record<string, string>;
  /** Run the job processors in this process too (default true). */
  runsWorker?: boolean;
  /** Jobs through BullMQ and runtime events through Redis, under a prefix of the test's own. */
  redis?: boolean;
};

/** The whole server on a free port with a fresh database, as the e2e and medium tests use it. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const shared = typeof options.database === 'object' ? options.database : undefined;
  const database = shared ?? (await createTestDatabase((options.database as TestDatabaseKind | undefined) ?? 'postgres'));
  const redisEnv: Record<string, string> = options.redis ? { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: `fluxo-test-${randomBytes(4).toString('hex')}` } : {};
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ...redisEnv, ...options.env });
  const queue = createJobQueue({
    redisUrl: config.redisUrl,
    prefix: config.queuePrefix,
    onFailed: (queueName, _data, error) => logger.error({ err: error, queue: queueName }, 'job failed'),
    onError: (error, context) => logger.error({ err: error, ...context }, 'job queue error'),
  });
  const events = config.redisUrl ? new RedisRuntimeEvents(config.redisUrl, `${config.queuePrefix}:runtime-events`) : new InProcessRuntimeEvents();
  if (events instanceof RedisRuntimeEvents) await events.whenReady();
  const pacer = createSendPacer(config);
  const app = await createHttpApp({ config, secretKey: TEST_SECRET_KEY, dataSource: database.dataSource, queue, events, pacer, runsWorker: options.runsWorker ?? true });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app,
    database,
    config,
    baseUrl,
    client: new TestClient(baseUrl),
    processEnv() {
      if (database.target.kind !== 'postgres') throw new Error('Other processes can only share a Postgres test database.');
      return { DATABASE_URL: database.target.url, FLUXO_SECRET_KEY: TEST_SECRET_KEY, LOG_LEVEL: 'info', ...redisEnv };
    },
    async close() {
      // A browser still open (its page, keep-alive sockets) must not hold the server's close: the
      // test is over, so its connections are cut for as long as the close takes.
      const server = app.getHttpServer() as { closeAllConnections(): void };
      const cutting = setInterval(() => server.closeAllConnections(), 100);
      try {
        await closing('the Nest app', () => app.close());
      } finally {
        clearInterval(cutting);
      }
      await closing('the job queue', () => queue.close());
      await closing('the send pacer', () => pacer.close());
      await closing('the runtime events', () => events.close());
      if (!shared) await closing('the database', () => database.close());
      if (config.redisUrl) await deleteRedisKeys(config.redisUrl, config.queuePrefix);
    },
  };
}

/** A step of the close; one that takes long says so, since a hook timeout alone does not say which. */
async function closing(what: string, step: () => Promise<void>): Promise<void> {
  const slow = setTimeout(() => console.warn(`closing the test app: ${what} is still closing after 5 s`), 5_000);
  try {
    await step();
  } finally {
    clearTimeout(slow);
  }
}

async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * Starts the app before a describe block's tests and closes it after them. The returned object
 * stands for the running app (it forwards to it), so tests read `t.client`, `t.database`...
 */
export function useTestApp(options: TestAppOptions = {}): TestApp {
  let running: TestApp | undefined;
  beforeAll(async () => {
    running = await startTestApp(options);
  });
  afterAll(async () => {
    await running?.close();
  });
  return new Proxy({} as TestApp, {
    get(_target, property) {
      if (!running) throw new Error('The test app is not running: use it inside a test, not at describe time.');
      return running[property as keyof TestApp];
    },
  });
}
