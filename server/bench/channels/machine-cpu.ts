import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds used so far, by who: the server (all its processes), Postgres (all its processes), Redis, the bench, and the whole machine (busy, stolen by the hypervisor, total). */
export type CpuReading = { server: number; postgres: number; redis: number; bench: number; busy: number; steal: number; total: number };

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** Reads /proc (Linux); undefined elsewhere. Processes that exit in between are lost, which the pools' long-lived connections make rare. */
export function readCpu(serverPids: number[]): CpuReading | undefined {
  let stat: string;
  try {
    stat = readFileSync('/proc/stat', 'utf8');
  } catch {
    return undefined;
  }
  const fields = stat.split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal guest guest_nice; guest time is already in user.
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
  const reading: CpuReading = {
    server: 0, postgres: 0, redis: 0, bench: 0,
    busy: (user + nice + system + irq + softirq) / TICKS_PER_SECOND, steal: steal / TICKS_PER_SECOND,
    total: (user + nice + system + idle + iowait + irq + softirq + steal) / TICKS_PER_SECOND,
  };
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let line: string;
    try {
      line = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const close = line.lastIndexOf(')');
    const name = line.slice(line.indexOf('(') + 1, close);
    const rest = line.slice(close + 2).split(' ');
    // Fields 14 and 15 of the line (utime, stime) are 12 and 13 after the name.
    const seconds = (Number(rest[11]) + Number(rest[12])) / TICKS_PER_SECOND;
    // Fields 16 and 17 (cutime, cstime): the children it reaped. A Postgres backend that exits (a
    // pool closing an idle connection) leaves its CPU to the postmaster's; not counted, it went to "other".
    const reaped = (Number(rest[13]) + Number(rest[14])) / TICKS_PER_SECOND;
    const pid = Number(entry);
    if (serverPids.includes(pid)) reading.server += seconds;
    else if (pid === process.pid) reading.bench += seconds;
    else if (name === 'postgres' || name.startsWith('postgres:')) reading.postgres += seconds + reaped;
    else if (name.startsWith('redis-server')) reading.redis += seconds;
  }
  return reading;
}
