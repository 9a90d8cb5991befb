import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AppModule } from '../app.module';
import type { AppDependencies } from '../app.module';
import { createHttpApp } from '../bootstrap';
import { createSendPacer } from '../modules/channels/delivery/create-send-pacer';
import { loadConfig } from '../platform/config/app-config';
import type { AppConfig } from '../platform/config/app-config';
import { resolveSecretKey } from '../platform/config/secret-key';
import { databaseTarget, openDatabase } from '../platform/database/database';
import type { Database } from '../platform/database/database';
import { NestPinoLogger } from '../platform/logging/nest-logger';
import { logger, setLogLevel } from '../platform/logging/logger';
import { createJobQueue } from '../platform/queue';
import { InProcessRuntimeEvents, RedisRuntimeEvents } from '../runtime-host/turn-events';
import { seedDemoTenant } from './seed-demo';

/**
 * What a process runs: `all` is the embedded default (HTTP and job processors in one process),
 * `api` serves HTTP only and `worker` runs the job processors only (production scale-out).
 */
export type ProcessRole = 'all' | 'api' | 'worker';

export type RunningFluxo = { config: AppConfig; app: INestApplicationContext; database: Database; stop(): Promise<void> };

export async function startFluxo(role: ProcessRole, env: Record<string, string | undefined> = process.env): Promise<RunningFluxo> {
  const config = loadConfig(env);
  setLogLevel(config.logLevel);
  if (role !== 'all' && !config.redisUrl) {
    throw new Error(`The ${role} process shares work with the others through Redis: set REDIS_URL, or run \`npm start\` for the all-in-one process.`);
  }
  const secretKey = resolveSecretKey(config, logger);
  const database = await openDatabase(databaseTarget(config));
  const queue = createJobQueue({
    redisUrl: config.redisUrl,
    prefix: config.queuePrefix,
    onFailed: (queueName, data, error, attempts) => logger.error({ err: error, queue: queueName, data, attempts }, 'a job failed after its last attempt'),
    onError: (error, context) => logger.error({ err: error, ...context }, 'job queue error'),
  });
  const events = config.redisUrl ? new RedisRuntimeEvents(config.redisUrl, `${config.queuePrefix}:runtime-events`) : new InProcessRuntimeEvents();
  if (events instanceof RedisRuntimeEvents) await events.whenReady();
  const pacer = createSendPacer(config);
  const deps: AppDependencies = { config, secretKey, dataSource: database.dataSource, queue, events, pacer, runsWorker: role !== 'api' };

  let app: INestApplicationContext;
  if (role === 'worker') {
    app = await NestFactory.createApplicationContext(AppModule.register(deps), { logger: new NestPinoLogger() });
    app.enableShutdownHooks();
  } else {
    const http = await createHttpApp(deps);
    await http.listen(config.port);
    app = http;
  }
  if (role === 'all') await seedDemoTenant(app, config);
  logger.info({ role, database: database.target.kind, queue: config.redisUrl ? 'bullmq' : 'in-process' }, `Fluxo ${role} process started`);
  logger.flush();

  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= (async () => {
    await app.close();
    await queue.close();
    await pacer.close();
    await events.close();
    await database.close();
    logger.flush();
  })());
  return { config, app, database, stop };
}

/** Runs a role as the process's main: stops cleanly on SIGINT/SIGTERM, exits 1 with the reason on a failed start. */
export function runProcess(role: ProcessRole): void {
  startFluxo(role).then(
    (running) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => {
          logger.info({ signal }, 'stopping');
          running.stop().then(() => process.exit(0), (error: unknown) => {
            logger.error({ err: error }, 'stop failed');
            process.exit(1);
          });
        });
      }
    },
    (error: unknown) => {
      // Config errors carry their own instructions; print them plainly, not as a stack.
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
