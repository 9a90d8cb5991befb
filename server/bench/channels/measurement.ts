/**
 * What a phase cost, per turn (or webhook) of its window: the server's CPU, its event loop, RSS and
 * heap (asked over IPC), Postgres transactions and Redis commands, and how the machine's CPU was
 * shared. The server's figures come from the server itself, so the bench's own load does not blur them.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import type { IoCounts } from './count-io';
import { readCpu } from './machine-cpu';
import type { CpuReading } from './machine-cpu';
import type { ServerStats } from './server-entry';
import { adminQuery } from './server-process';
import type { ChannelBenchServer } from './server-process';

export type PhaseCost = {
  serverCpuMsPerTurn: number; serverSystemShare: number; machine: CpuReading | undefined; serverCpuPercent: number; serverElu: number; benchElu: number; pgTransactionsPerTurn: number; redisCommandsPerTurn: number;
  /** The server's read/write system calls, waits and preemptions per turn. */
  kernel: { syscalls: number; voluntarySwitches: number; preemptions: number };
  rss: { start: number; peak: number; end: number }; heapUsed: { start: number; peak: number; end: number };
  /** With --count-io: the server's queries and Redis commands of the window. */
  io: IoCounts;
};

/** A phase runs `work`, which calls `windowStarts` and `windowEnds` as its measured window opens and closes (after its warm-up). */
export type Phase<T> = (windowStarts: () => void, windowEnds: () => void) => Promise<T>;

type Backend = { pgTransactions: number; redisCommands: number };
type Snapshot = { server: ServerStats; backend: Backend; bench: ReturnType<typeof performance.eventLoopUtilization>; io: IoCounts; cpu: CpuReading | undefined };

/** Server memory sampled through a phase (IPC to the forked server), with its CPU and event-loop figures at both ends. */
class ServerWatch {
  private samples: ServerStats[] = [];
  private timer?: NodeJS.Timeout;
  private busy = false;

  constructor(private readonly server: ChannelBenchServer) {}

  async start(): Promise<ServerStats> {
    const first = await this.server.stats();
    this.samples = [first];
    this.timer = setInterval(() => {
      if (this.busy) return;
      this.busy = true;
      void this.server.stats().then((stats) => {
        this.samples.push(stats);
        this.busy = false;
      });
    }, 500);
    return first;
  }

  async stop(): Promise<{ first: ServerStats; last: ServerStats; peakRss: number; peakHeapUsed: number }> {
    clearInterval(this.timer);
    while (this.busy) await sleep(5);
    const last = await this.server.stats();
    this.samples.push(last);
    return { first: this.samples[0]!, last, peakRss: Math.max(...this.samples.map((s) => s.rss)), peakHeapUsed: Math.max(...this.samples.map((s) => s.heapUsed)) };
  }
}

/** Measures the phases run on one server; `close` once they are done. */
export class PhaseMeter {
  private readonly redis: Redis;

  /**
   * `analyze`: ANALYZE the bench database as each window opens. A database created seconds ago has
   * no planner statistics, and autovacuum (1-minute naptime) would only gather them after the run;
   * the plans it gets without them are not the ones a running installation gets (see the report with --no-analyze).
   */
  constructor(private readonly server: ChannelBenchServer, private readonly analyze: boolean) {
    this.redis = new Redis(server.redisUrl);
  }

  /** Runs the phase between readings of the server's CPU, memory and event loop, Postgres and Redis; costs are per turn of the window. */
  async measure<T extends { turns: number; windowSeconds: number }>(work: Phase<T>): Promise<T & { cost: PhaseCost }> {
    const server = this.server;
    const watch = new ServerWatch(server);
    const begin = await watch.start();
    let at: Snapshot | undefined;
    let end: Snapshot | undefined;
    const reads: Array<Promise<void>> = [];
    const snapshot = (assign: (value: Snapshot) => void, analyze = false) => {
      if (analyze) reads.push(adminQuery(server.databaseUrl, 'ANALYZE').then(() => undefined));
      const bench = performance.eventLoopUtilization();
      const cpu = readCpu(server.pids);
      reads.push(Promise.all([server.stats(), this.backend(), server.io()]).then(([stats, backend, io]) => assign({ server: stats, backend, bench, io, cpu })));
    };
    const result = await work(() => snapshot((value) => (at = value), this.analyze), () => snapshot((value) => (end = value)));
    await Promise.all(reads);
    const memory = await watch.stop();
    const from = at!;
    const to = end!;
    const cpuMs = (to.server.cpuUserUs + to.server.cpuSystemUs - from.server.cpuUserUs - from.server.cpuSystemUs) / 1000;
    const turns = Math.max(1, result.turns);
    const eluOf = (a: { active: number; idle: number }, b: { active: number; idle: number }) => (b.active - a.active) / Math.max(1, (b.active - a.active) + (b.idle - a.idle));
    return {
      ...result,
      cost: {
        serverCpuMsPerTurn: cpuMs / turns,
        serverSystemShare: (to.server.cpuSystemUs - from.server.cpuSystemUs) / 1000 / Math.max(1e-9, cpuMs),
        machine: from.cpu && to.cpu ? {
          server: to.cpu.server - from.cpu.server, postgres: to.cpu.postgres - from.cpu.postgres, redis: to.cpu.redis - from.cpu.redis,
          bench: to.cpu.bench - from.cpu.bench, busy: to.cpu.busy - from.cpu.busy, steal: to.cpu.steal - from.cpu.steal, total: to.cpu.total - from.cpu.total,
        } : undefined,
        serverCpuPercent: cpuMs / 10 / result.windowSeconds,
        serverElu: eluOf({ active: from.server.eluActive, idle: from.server.eluIdle }, { active: to.server.eluActive, idle: to.server.eluIdle }),
        benchElu: eluOf(from.bench, to.bench),
        pgTransactionsPerTurn: (to.backend.pgTransactions - from.backend.pgTransactions) / turns,
        redisCommandsPerTurn: (to.backend.redisCommands - from.backend.redisCommands) / turns,
        kernel: {
          syscalls: (to.server.syscalls - from.server.syscalls) / turns,
          voluntarySwitches: (to.server.voluntarySwitches - from.server.voluntarySwitches) / turns,
          preemptions: (to.server.preemptions - from.server.preemptions) / turns,
        },
        rss: { start: begin.rss, peak: memory.peakRss, end: memory.last.rss },
        heapUsed: { start: begin.heapUsed, peak: memory.peakHeapUsed, end: memory.last.heapUsed },
        io: to.io,
      },
    };
  }

  close(): void {
    this.redis.disconnect();
  }

  /** Transactions of the bench database only, and Redis commands of all its clients. */
  private async backend(): Promise<Backend> {
    const [row] = await adminQuery<{ n: string }>(this.server.adminUrl, `SELECT (xact_commit + xact_rollback)::text AS n FROM pg_stat_database WHERE datname = $1`, [this.server.databaseName]);
    const info = await this.redis.info('stats');
    return { pgTransactions: Number(row?.n ?? 0), redisCommands: Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? 0) };
  }
}
