import type { INestApplication } from '@nestjs/common';
import { createHttpApp } from '../../src/bootstrap';
import { logger } from '../../src/platform/logging/logger';
import { createJobQueue } from '../../src/platform/queue';
import { InProcessRuntimeEvents } from '../../src/runtime-host/turn-events';
import { loadConfig } from '../../src/platform/config/app-config';
import type { Database } from '../../src/platform/database/database';
import { createTestDatabase } from './test-database';
import type { TestDatabaseKind } from './test-database';
import { TestClient } from './test-client';

export type TestApp = { app: INestApplication; database: Database; baseUrl: string; client: TestClient; close(): Promise<void> };

/** The whole server on a free port with a fresh database, as the e2e and medium tests use it. */
export async function startTestApp(options: { database?: TestDatabaseKind; env?: Record<string, string>; runsWorker?: boolean } = {}): Promise<TestApp> {
  const database = await createTestDatabase(options.database ?? 'postgres');
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ...options.env });
  const queue = createJobQueue({ onFailed: (queueName, _data, error) => logger.error({ err: error, queue: queueName }, 'job failed') });
  const events = new InProcessRuntimeEvents();
  const app = await createHttpApp({
    config, secretKey: 'test-secret-key-0123456789abcdef0123456789', dataSource: database.dataSource, queue, events, runsWorker: options.runsWorker ?? true,
  });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app,
    database,
    baseUrl,
    client: new TestClient(baseUrl),
    async close() {
      await app.close();
      await queue.close();
      await events.close();
      await database.close();
    },
  };
}
