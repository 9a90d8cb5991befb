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
  /** Every Fluxo process of the server: the one serving HTTP first, then its workers. */
  pids: number[];
  /** The bench's own database (for pg_stat_database, ANALYZE and the stage timings) and the Redis URL the server uses. */
  databaseName: string;
  databaseUrl: string;
  adminUrl: string;
  redisUrl: string;
  /** Memory, CPU time and event-loop time, added up over the processes. */
  stats(): Promise<ServerStats>;
  /** Queries and Redis commands since the last call (only with `countIo`), of every process. */
  io(): Promise<IoCounts>;
  /** Starts a CPU profile of the process serving HTTP; `stopProfile` writes it to `file` (a .cpuprofile for Chrome DevTools). */
  startProfile(): Promise<unknown>;
  stopProfile(file: string): Promise<unknown>;
  stop(): Promise<void>;
};

/**
 * A fresh Fluxo on Postgres + Redis (BullMQ, Redis runtime events), on its own database and queue
 * prefix, like bench-server.ts's postgres+redis mode: an all-in-one process, or an api process
 * with worker processes beside it (the production shape); each forked with an IPC channel so the
 * bench can ask for its memory and CPU (see server-entry.ts).
 */
export type ServerOptions = {
  port: number;
  logLevel: string;
  /** `api` serves HTTP only: nothing works the jobs it queues unless `workers` are started beside it. */
  role?: 'all' | 'api';
  /** Worker processes beside an `api` process (npm run start:worker), sharing its database and queues. */
  workers?: number;
  /** Count the process's queries and Redis commands (count-io.ts). */
  countIo?: boolean;
};

export async function startChannelBenchServer({ port, logLevel, role = 'all', workers = 0, countIo = false }: ServerOptions): Promise<ChannelBenchServer> {
  if (workers > 0 && role !== 'api') throw new Error('worker processes go beside an api process');
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const databaseName = `fluxo_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${databaseName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: logLevel, FLUXO_SECRET_KEY: randomBytes(32).toString('hex'),
    DATABASE_URL: url.toString(), REDIS_URL: redisUrl, QUEUE_PREFIX: databaseName, BENCH_ROLE: role, BENCH_COUNT_IO: countIo ? '1' : '0',
    // The server's own knobs, passed on when set, to compare settings: TURN_CONCURRENCY=8 npm run bench:channels.
    ...Object.fromEntries(['TURN_CONCURRENCY'].flatMap((name) => (process.env[name] ? [[name, process.env[name]!]] : []))),
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
  const processes: FluxoProcess[] = [];
  try {
    processes.push(await forkFluxo(env));
    for (let i = 0; i < workers; i++) processes.push(await forkFluxo({ ...env, BENCH_ROLE: 'worker' }));
  } catch (error) {
    await Promise.all(processes.map((each) => each.stop()));
    await cleanup();
    throw error;
  }
  const [http] = processes as [FluxoProcess, ...FluxoProcess[]];
  const everyone = <T>(question: string) => Promise.all(processes.map((each) => each.ask<T>(question)));
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pids: processes.map((each) => each.pid),
    databaseName,
    databaseUrl: url.toString(),
    adminUrl,
    redisUrl,
    stats: async () => addStats(await everyone<ServerStats>('stats')),
    io: async () => (countIo ? addIo(await everyone<IoCounts>('io')) : { queries: {}, redis: {} }),
    startProfile: () => http.ask('profile:start'),
    stopProfile: (file) => http.ask(`profile:stop:${file}`),
    async stop() {
      // Workers first, so none is left working the jobs of a database about to be dropped.
      await Promise.all(processes.slice(1).map((each) => each.stop()));
      await http.stop();
      await cleanup();
    },
  };
}

type FluxoProcess = { pid: number; ask<T>(question: string): Promise<T>; stop(): Promise<void> };

/** Requests are logged at info on stdout, as in production; the bench reads none of it. */
async function forkFluxo(env: Record<string, string>): Promise<FluxoProcess> {
  const child = fork(join(__dirname, 'server-entry.ts'), [], {
    cwd: ROOT, env, execArgv: ['-r', join(ROOT, 'tools', 'ts-register.cjs')], stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await waitForStart(child);
  // Questions carry an id; the process answers each with it (a profile takes longer than stats).
  const asking = new Map<number, (answer: unknown) => void>();
  let nextId = 0;
  child.on('message', (message) => {
    const { id, answer } = message as { id: number; answer: unknown };
    asking.get(id)?.(answer);
    asking.delete(id);
  });
  return {
    pid: child.pid!,
    ask: <T>(question: string) => new Promise<T>((resolve) => {
      const id = ++nextId;
      asking.set(id, resolve as (answer: unknown) => void);
      child.send({ id, question });
    }),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function addStats(all: ServerStats[]): ServerStats {
  const sum = (pick: (stats: ServerStats) => number) => all.reduce((total, stats) => total + pick(stats), 0);
  return {
    rss: sum((s) => s.rss), heapUsed: sum((s) => s.heapUsed), heapTotal: sum((s) => s.heapTotal), external: sum((s) => s.external),
    cpuUserUs: sum((s) => s.cpuUserUs), cpuSystemUs: sum((s) => s.cpuSystemUs), eluActive: sum((s) => s.eluActive), eluIdle: sum((s) => s.eluIdle),
    syscalls: sum((s) => s.syscalls), voluntarySwitches: sum((s) => s.voluntarySwitches), preemptions: sum((s) => s.preemptions),
  };
}

function addIo(all: IoCounts[]): IoCounts {
  const total: IoCounts = { queries: {}, redis: {} };
  for (const counts of all) {
    for (const [shape, { count, ms }] of Object.entries(counts.queries)) {
      const entry = (total.queries[shape] ??= { count: 0, ms: 0 });
      entry.count += count;
      entry.ms += ms;
    }
    for (const [command, count] of Object.entries(counts.redis)) total.redis[command] = (total.redis[command] ?? 0) + count;
  }
  return total;
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
