import { cpus } from 'node:os';
import type { AckFigures } from './ack-latency';
import type { IoCounts } from './count-io';
import type { PhaseCost } from './measurement';
import type { Stages } from './stages';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export const stageLine = (s: Stages) => `    where the time went (database timestamps, ${s.turns} messages stored in the window), p50 / p99 ms: `
  + `stored → turn began ${s.queued[0].toFixed(0)} / ${s.queued[1].toFixed(0)}, turn began → marked sent (turn, delivery queue, send) ${s.delivered[0].toFixed(0)} / ${s.delivered[1].toFixed(0)}`;

export const ackLine = (ack: AckFigures) => `    ${ack.requests} acks, ${ack.perSecond.toFixed(0)}/s; p50 ${ack.p50.toFixed(1)} ms, p99 ${ack.p99.toFixed(1)} ms, max ${ack.max.toFixed(1)} ms; errors ${ack.errors}`;

/** What a phase cost per `unit` (turn or webhook), `count` of them in its window; with `countIo`, also the server's I/O. */
export function costLines(cost: PhaseCost, count: number, unit: string, countIo: boolean): string[] {
  return countIo ? [costLine(cost, unit), ioLines(cost.io, Math.max(1, count), unit)] : [costLine(cost, unit)];
}

function costLine(cost: PhaseCost, unit: string): string {
  const m = cost.machine;
  const share = (seconds: number) => `${((seconds / Math.max(1e-9, m!.total)) * 100).toFixed(0)}%`;
  const machine = m ? `\n    machine CPU in the window: ${share(m.busy)} busy (of ${cpus().length} cores) — server ${share(m.server)}, Postgres ${share(m.postgres)}, Redis ${share(m.redis)}, bench ${share(m.bench)}, `
    + `other ${share(Math.max(0, m.busy - m.server - m.postgres - m.redis - m.bench))}; stolen by the hypervisor ${share(m.steal)}` : '';
  return `    per ${unit}: server CPU ${cost.serverCpuMsPerTurn.toFixed(2)} ms (${(cost.serverSystemShare * 100).toFixed(0)}% in the kernel), ${cost.pgTransactionsPerTurn.toFixed(1)} Postgres transactions, ${cost.redisCommandsPerTurn.toFixed(1)} Redis commands (all clients)\n`
    + `    server: CPU ${cost.serverCpuPercent.toFixed(0)}% of a core, event loop busy ${(cost.serverElu * 100).toFixed(0)}%; bench process event loop busy ${(cost.benchElu * 100).toFixed(0)}%\n`
    + `    server kernel traffic per ${unit}: ${cost.kernel.syscalls.toFixed(1)} read/write system calls, ${cost.kernel.voluntarySwitches.toFixed(1)} waits, ${cost.kernel.preemptions.toFixed(1)} preemptions\n`
    + `    server memory: RSS ${mb(cost.rss.start)} → peak ${mb(cost.rss.peak)} → ${mb(cost.rss.end)}; heap used ${mb(cost.heapUsed.start)} → peak ${mb(cost.heapUsed.peak)} → ${mb(cost.heapUsed.end)}${machine}`;
}

/** With --count-io: what the server sent per turn (or webhook) in the window, the costliest first. */
function ioLines(io: IoCounts, turns: number, unit: string): string {
  const queries = Object.entries(io.queries).sort((a, b) => b[1].count - a[1].count);
  const total = queries.reduce((sum, [, q]) => sum + q.count, 0);
  const redis = Object.entries(io.redis).sort((a, b) => b[1] - a[1]);
  const redisTotal = redis.reduce((sum, [, n]) => sum + n, 0);
  const lines = [`    server I/O per ${unit}: ${(total / turns).toFixed(1)} Postgres queries, ${(redisTotal / turns).toFixed(1)} Redis commands (${redis.slice(0, 8).map(([name, n]) => `${name} ${(n / turns).toFixed(1)}`).join(', ')})`];
  for (const [shape, q] of queries.slice(0, 14)) lines.push(`      ${(q.count / turns).toFixed(2).padStart(6)} × ${(q.ms / q.count).toFixed(2).padStart(6)} ms  ${shape}`);
  return lines.join('\n');
}
