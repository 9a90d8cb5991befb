/**
 * The Fluxo process of bench:channels: startFluxo(BENCH_ROLE, default `all`, what `npm start`
 * runs), stopped by SIGTERM, forked with an IPC channel. It says `ready` once it serves, whatever
 * the log level, and answers the bench's questions: `stats` (memory, CPU time, event-loop
 * utilisation: the server's own figures, measured without sharing its event loop) and, with
 * BENCH_COUNT_IO=1, `io` (the queries and Redis commands since the last `io`, see count-io.ts);
 * `profile:start` and `profile:stop:<file>` record a V8 CPU profile of just that stretch.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { performance } from 'node:perf_hooks';
import { startFluxo } from '../../src/boot/start-fluxo';
import { countIo, takeIoCounts } from './count-io';

export type ServerStats = {
  rss: number; heapUsed: number; heapTotal: number; external: number; cpuUserUs: number; cpuSystemUs: number; eluActive: number; eluIdle: number;
  /** Read and write system calls, and context switches: the process's own, given up (waits) and taken from it (preemptions). */
  syscalls: number; voluntarySwitches: number; preemptions: number;
};

const role = (process.env.BENCH_ROLE ?? 'all') as 'all' | 'api' | 'worker';
// Before the first query: the wrappers go on the prototypes every pool and connection shares.
if (process.env.BENCH_COUNT_IO === '1') countIo();

startFluxo(role).then(
  (running) => {
    process.once('SIGTERM', () => {
      running.stop().then(() => process.exit(0), (error: unknown) => {
        console.error(error);
        process.exit(1);
      });
    });
    process.send?.('ready');
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

let profiler: Session | undefined;

/** Profiler commands over the inspector protocol; answers once done, so the bench can wait for the file. */
function profile(message: string, answer: (value: unknown) => void): void {
  if (message === 'profile:start') {
    profiler = new Session();
    profiler.connect();
    profiler.post('Profiler.enable', () => profiler!.post('Profiler.start', () => answer('profiling')));
    return;
  }
  const file = message.slice('profile:stop:'.length);
  if (!profiler) return answer('not profiling');
  profiler.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(file, JSON.stringify(result.profile));
    profiler!.disconnect();
    profiler = undefined;
    answer(error ? error.message : file);
  });
}

/** Each question comes as { id, question } and is answered with { id, answer }, in whatever order answers are ready. */
process.on('message', (raw: unknown) => {
  if (!process.send || typeof raw !== 'object' || raw === null) return;
  const { id, question } = raw as { id: number; question: string };
  const answer = (value: unknown) => process.send!({ id, answer: value });
  if (question === 'io') return answer(takeIoCounts());
  if (question.startsWith('profile:')) return profile(question, answer);
  if (question !== 'stats') return answer(undefined);
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  const stats: ServerStats = {
    rss: memory.rss, heapUsed: memory.heapUsed, heapTotal: memory.heapTotal, external: memory.external,
    cpuUserUs: cpu.user, cpuSystemUs: cpu.system, eluActive: elu.active, eluIdle: elu.idle, ...kernelCounts(),
  };
  answer(stats);
});

/**
 * On Linux: system calls that read or write (sockets included) from /proc/self/io, context switches
 * from /proc/self/status. On a virtual machine each costs far more than the work it carries.
 */
function kernelCounts(): Pick<ServerStats, 'syscalls' | 'voluntarySwitches' | 'preemptions'> {
  try {
    const io = readFileSync('/proc/self/io', 'utf8');
    const status = readFileSync('/proc/self/status', 'utf8');
    const field = (text: string, name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);
    return { syscalls: field(io, 'syscr') + field(io, 'syscw'), voluntarySwitches: field(status, 'voluntary_ctxt_switches'), preemptions: field(status, 'nonvoluntary_ctxt_switches') };
  } catch {
    return { syscalls: 0, voluntarySwitches: 0, preemptions: 0 };
  }
}

// A bench that dies without stopping us must not leave a server behind.
process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
