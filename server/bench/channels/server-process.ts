import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import Redis from 'ioredis';
import type { IoCounts } from './count-io';
import type { ServerStats } from './server-entry';

const ROOT = join(__dirname, '..', '..', '..');

export type ChannelBenchServer = {
  baseUrl: string;
  pid: number;
  /** The bench's own database (for pg_stat_database, ANALYZE and the stage timings) and the Redis URL the server uses. */
  databaseName: string;
  databaseUrl: string;
  adminUrl: string;
  redisUrl: string;
  stats(): Promise<ServerStats>;
  /** Queries and Redis commands since the last call (only with `countIo`). */
  io(): Promise<IoCounts>;
  /** Starts a CPU profile of the server; `stopProfile` writes it to `file` (a .cpuprofile for Chrome DevTools). */
  startProfile(): Promise<unknown>;
  stopProfile(file: string): Promise<unknown>;
  stop(): Promise<void>;
};

/**
 * A fresh Fluxo all-in-one process on Postgres + Redis (BullMQ, Redis runtime events), on its own
 * database and queue prefix, like bench-server.ts's postgres+redis mode; forked with an IPC channel
 * so the bench can ask for the server's memory and CPU (see server-entry.ts).
 */
export type ServerOptions = {
  port: number;
  logLevel: string;
  /** `api` serves HTTP only: nothing works the jobs it queues. */
  role?: 'all' | 'api';
  /** Count the process's queries and Redis commands (count-io.ts). */
  countIo?: boolean;
};

export async function startChannelBenchServer({ port, logLevel, role = 'all', countIo = false }: ServerOptions): Promise<ChannelBenchServer> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const databaseName = `fluxo_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${databaseName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: logLevel, FLUXO_SECRET_KEY: randomBytes(32).toString('hex'),
    DATABASE_URL: url.toString(), REDIS_URL: redisUrl, QUEUE_PREFIX: databaseName, BENCH_ROLE: role, BENCH_COUNT_IO: countIo ? '1' : '0',
  };
  const cleanup = async () => {
    // BENCH_KEEP_DATABASE=1 leaves the database for EXPLAIN after the run (drop it by hand).
    if (process.env.BENCH_KEEP_DATABASE === '1') console.error(`  kept database ${databaseName}`);
    else await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${databaseName}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  };
  // Requests are logged at info on stdout, as in production; the bench reads none of it.
  const child = fork(join(__dirname, 'server-entry.ts'), [], {
    cwd: ROOT, env, execArgv: ['-r', join(ROOT, 'tools', 'ts-register.cjs')], stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  try {
    await waitForStart(child);
  } catch (error) {
    await cleanup();
    throw error;
  }
  // Questions carry an id; the server answers each with it (a profile takes longer than stats).
  const asking = new Map<number, (answer: unknown) => void>();
  let nextId = 0;
  child.on('message', (message) => {
    const { id, answer } = message as { id: number; answer: unknown };
    asking.get(id)?.(answer);
    asking.delete(id);
  });
  const ask = <T>(question: string) => new Promise<T>((resolve) => {
    const id = ++nextId;
    asking.set(id, resolve as (answer: unknown) => void);
    child.send({ id, question });
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    databaseName,
    databaseUrl: url.toString(),
    adminUrl,
    redisUrl,
    stats: () => ask<ServerStats>('stats'),
    io: () => (countIo ? ask<IoCounts>('io') : Promise.resolve({ queries: {}, redis: {} })),
    startProfile: () => ask('profile:start'),
    stopProfile: (file) => ask(`profile:stop:${file}`),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await cleanup();
    },
  };
}

function waitForStart(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (message !== 'ready') return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve();
    };
    const onExit = (code: number | null) => reject(new Error(`Fluxo exited with ${code} before it started (its error is above)`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export async function adminQuery<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
