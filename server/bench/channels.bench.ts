/**
 * The WhatsApp Cloud channel through a real server on Postgres + Redis (BullMQ jobs, Redis runtime
 * events), against a local fake Graph API (channels/graph-fake.ts). A Fluxo process forked from
 * channels/server-entry.ts (startFluxo, as npm start runs it), a tenant with one published flow
 * (message trigger "any" → send text "Recebido: {{ trigger.text }}" → end: one reply per message)
 * and 16 WhatsApp Cloud channels, each its own business number on the fake. Four phases:
 *  (1) end to end, all-in-one process (api + worker): many customers (distinct wa_id and wamids)
 *      spread over the channels, each sending its next message as soon as the previous one's reply
 *      reached the fake; turns/s over a steady window after a warm-up, the latency from the webhook
 *      post to the reply, and where that time went (from the database's timestamps);
 *  (2) one channel alone, to show the per-channel pacing (PACE.whatsapp_cloud.perSecond = 50 in
 *      channel-delivery.sender.ts), which is why (1) spreads its customers over 16 numbers;
 *  (3) webhook ack latency, same process: 32 connections posting signed message webhooks back to
 *      back (each a real customer message that queues a turn; the replies are not awaited);
 *  (4) the same acks from a fresh api-only process (no worker), so the webhook path is timed alone.
 * Each phase also prints the server's CPU per turn, its event loop, RSS and heap (asked over IPC),
 * Postgres transactions and Redis commands per turn, and how the machine's CPU was shared.
 * Run: npm run bench:channels [-- --seconds 15 --warmup 3 --customers 256 --channels 16 --ack-seconds 8 --cap-seconds 5 --log-level info]
 * ANALYZE runs as each window opens (--no-analyze skips it). Diagnostics: --count-io (the server's queries and Redis commands by shape, per turn), --cpu-prof
 * <prefix> (V8 CPU profiles of the server over the windows of (1) and (4)), --no-api-only (skips (4)).
 */
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import { LeanGraphFake } from './channels/graph-fake';
import type { GraphSend } from './channels/graph-fake';
import { adminQuery, startChannelBenchServer } from './channels/server-process';
import type { ChannelBenchServer } from './channels/server-process';
import type { IoCounts } from './channels/count-io';
import type { ServerStats } from './channels/server-entry';
import { readCpu } from './channels/machine-cpu';
import type { CpuReading } from './channels/machine-cpu';
import { InboundBodies, WebhookPoster } from './channels/webhooks';

const API_VERSION = 'v25.0';
const TARGET_ACK_P99_MS = 20;
const TARGET_TURNS_PER_SECOND = 400;
/** PACE.whatsapp_cloud.perSecond in server/src/modules/channels/delivery/channel-delivery.sender.ts. */
const PACED_PER_CHANNEL = 50;
/** A reply that has not reached the fake after this long counts as lost (and the customer goes on). */
const REPLY_TIMEOUT_MS = 15_000;

const arg = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > -1 ? (process.argv[index + 1] ?? fallback) : fallback;
};

type Json = Record<string, unknown> & { id?: string; accessToken?: string; webhookUrl?: string };
type Channel = { id: string; path: string; phoneNumberId: string; appSecret: string };

async function api<T = Json>(baseUrl: string, method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** message trigger (any) → "Recebido: <text>" → end. The flow does as little as a flow can, so the figures are the channel pipeline's. */
const ECHO_FLOW = {
  name: 'Bench: eco',
  graph: {
    schemaVersion: 1,
    nodes: [
      { id: 'start', type: 'fluxo.messageTrigger', typeVersion: 1, position: { x: 0, y: 0 }, config: { mode: 'any' } },
      { id: 'reply', type: 'fluxo.sendMessage', typeVersion: 1, position: { x: 240, y: 0 }, config: { kind: 'text', text: 'Recebido: {{ trigger.text }}' } },
      { id: 'done', type: 'fluxo.end', typeVersion: 1, position: { x: 480, y: 0 }, config: {} },
    ],
    edges: [{ id: 'e0', source: 'start', sourcePort: 'out', target: 'reply' }, { id: 'e1', source: 'reply', sourcePort: 'out', target: 'done' }],
    variables: [],
  },
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const sortedCopy = (values: number[]) => [...values].sort((a, b) => a - b);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Replies as the fake receives them, handed to the customer waiting for one (by business number and wa_id). */
class ReplyRouter {
  private readonly waiting = new Map<string, { resolve: (send: GraphSend | undefined) => void; timer: NodeJS.Timeout }>();
  unexpected = 0;

  onSend = (send: GraphSend): void => {
    const key = `${send.phoneNumberId}:${send.to}`;
    const waiter = this.waiting.get(key);
    if (!waiter) {
      this.unexpected += 1;
      return;
    }
    this.waiting.delete(key);
    clearTimeout(waiter.timer);
    waiter.resolve(send);
  };

  /** Resolves with the next reply to `to` from `phoneNumberId`, or undefined after the timeout. */
  next(phoneNumberId: string, to: string): Promise<GraphSend | undefined> {
    const key = `${phoneNumberId}:${to}`;
    return new Promise((resolve) => {
      const waiter = {
        resolve,
        timer: setTimeout(() => {
          if (this.waiting.get(key) === waiter) this.waiting.delete(key);
          resolve(undefined);
        }, REPLY_TIMEOUT_MS),
      };
      this.waiting.set(key, waiter);
    });
  }

  /** Stops waiting for a reply to `to` (its webhook was refused). */
  cancel(phoneNumberId: string, to: string): void {
    const key = `${phoneNumberId}:${to}`;
    const waiter = this.waiting.get(key);
    if (!waiter) return;
    this.waiting.delete(key);
    clearTimeout(waiter.timer);
    waiter.resolve(undefined);
  }
}

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

/** Postgres transactions (of the bench database) and Redis commands, to divide by the turns of a window. */
class BackendCounters {
  private readonly redis: Redis;

  constructor(private readonly server: ChannelBenchServer) {
    this.redis = new Redis(server.redisUrl);
  }

  async read(): Promise<{ pgTransactions: number; redisCommands: number }> {
    const [row] = await adminQuery<{ n: string }>(this.server.adminUrl, `SELECT (xact_commit + xact_rollback)::text AS n FROM pg_stat_database WHERE datname = $1`, [this.server.databaseName]);
    const info = await this.redis.info('stats');
    return { pgTransactions: Number(row?.n ?? 0), redisCommands: Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? 0) };
  }

  close(): void {
    this.redis.disconnect();
  }
}

/**
 * ANALYZE the bench database as each window opens: a database created seconds ago has no planner
 * statistics, and autovacuum (1-minute naptime) would only gather them after the run; the plans
 * it gets without them are not the ones a running installation gets (see the report with --no-analyze).
 */
let analyzeAtWindow = true;

async function analyzeDatabase(server: ChannelBenchServer): Promise<void> {
  const url = new URL(server.adminUrl);
  url.pathname = `/${server.databaseName}`;
  await adminQuery(url.toString(), 'ANALYZE');
}

type PhaseCost = {
  serverCpuMsPerTurn: number; serverSystemShare: number; machine: CpuReading | undefined; serverCpuPercent: number; serverElu: number; benchElu: number; pgTransactionsPerTurn: number; redisCommandsPerTurn: number;
  rss: { start: number; peak: number; end: number }; heapUsed: { start: number; peak: number; end: number };
  /** With --count-io: the server's queries and Redis commands of the window. */
  io: IoCounts;
};

/** Runs `work` between readings of the server's CPU, memory and event loop, Postgres and Redis; costs are per turn of the window. */
async function measured<T extends { turns: number; windowSeconds: number }>(server: ChannelBenchServer, counters: BackendCounters, work: (windowStarts: () => void, windowEnds: () => void) => Promise<T>): Promise<T & { cost: PhaseCost }> {
  const watch = new ServerWatch(server);
  const begin = await watch.start();
  let at: { server: ServerStats; backend: Awaited<ReturnType<BackendCounters['read']>>; bench: ReturnType<typeof performance.eventLoopUtilization>; io: IoCounts; cpu: CpuReading | undefined } | undefined;
  let end: typeof at;
  const reads: Array<Promise<void>> = [];
  const snapshot = (assign: (value: NonNullable<typeof at>) => void, analyze = false) => {
    if (analyze) reads.push(analyzeDatabase(server));
    const bench = performance.eventLoopUtilization();
    const cpu = readCpu(server.pid);
    reads.push(Promise.all([server.stats(), counters.read(), server.io()]).then(([stats, backend, io]) => assign({ server: stats, backend, bench, io, cpu })));
  };
  const result = await work(() => snapshot((value) => (at = value), analyzeAtWindow), () => snapshot((value) => (end = value)));
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
      rss: { start: begin.rss, peak: memory.peakRss, end: memory.last.rss },
      heapUsed: { start: begin.heapUsed, peak: memory.peakHeapUsed, end: memory.last.heapUsed },
      io: to.io,
    },
  };
}

type EndToEnd = { customers: number; channels: number; turns: number; windowSeconds: number; perSecond: number; p50: number; p99: number; max: number; ackP50: number; ackP99: number; lost: number; wrongReplies: number; errors: number };

/**
 * Closed loop: each customer posts a message, waits for its reply at the fake, and posts the next.
 * A turn counts in the window when its reply arrived inside it; latencies are of turns posted in it.
 */
async function endToEnd(server: ChannelBenchServer, router: ReplyRouter, bodies: InboundBodies, channels: Channel[], options: { customers: number; firstNumber: number; warmupSeconds: number; seconds: number; label: string },
  windowStarts: () => void, windowEnds: () => void): Promise<EndToEnd> {
  const poster = new WebhookPoster(server.baseUrl, Math.min(options.customers, 256));
  const started = performance.now();
  const windowFrom = started + options.warmupSeconds * 1000;
  const windowTo = windowFrom + options.seconds * 1000;
  const latencies: number[] = [];
  const acks: number[] = [];
  let inWindow = 0;
  let lost = 0;
  let wrongReplies = 0;
  let errors = 0;
  const startTimer = setTimeout(windowStarts, windowFrom - performance.now());
  const endTimer = setTimeout(windowEnds, windowTo - performance.now());
  const customer = async (index: number) => {
    const channel = channels[index % channels.length]!;
    const from = `55119${String(options.firstNumber + index).padStart(8, '0')}`;
    for (let sequence = 1; performance.now() < windowTo; sequence += 1) {
      const text = `${options.label} ${index} #${sequence}`;
      const { body, signature } = bodies.build({ phoneNumberId: channel.phoneNumberId, from, name: `Cliente ${index}`, wamid: `wamid.${options.label}.${index}.${sequence}`, text }, channel.appSecret);
      const reply = router.next(channel.phoneNumberId, from);
      const posted = performance.now();
      let status: number;
      try {
        status = await poster.post(channel.path, body, signature);
      } catch {
        status = 0;
      }
      const acked = performance.now();
      if (status !== 200) {
        router.cancel(channel.phoneNumberId, from);
        errors += 1;
        await sleep(100);
        continue;
      }
      const sent = await reply;
      if (!sent) {
        lost += 1;
        continue;
      }
      if ((sent.body.text as { body?: string } | undefined)?.body !== `Recebido: ${text}`) wrongReplies += 1;
      if (sent.at >= windowFrom && sent.at < windowTo) inWindow += 1;
      if (posted >= windowFrom && posted < windowTo) {
        latencies.push(sent.at - posted);
        acks.push(acked - posted);
      }
    }
  };
  await Promise.all(Array.from({ length: options.customers }, (_, index) => customer(index)));
  clearTimeout(startTimer);
  clearTimeout(endTimer);
  poster.close();
  const sorted = sortedCopy(latencies);
  const sortedAcks = sortedCopy(acks);
  return {
    customers: options.customers, channels: channels.length, turns: inWindow, windowSeconds: options.seconds, perSecond: inWindow / options.seconds,
    p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? 0,
    ackP50: percentile(sortedAcks, 50), ackP99: percentile(sortedAcks, 99), lost, wrongReplies, errors,
  };
}

type AckFigures = { concurrency: number; requests: number; turns: number; windowSeconds: number; perSecond: number; p50: number; p99: number; max: number; errors: number };

/** `concurrency` connections post signed message webhooks back to back; only the ack is timed. */
async function ackLatency(server: ChannelBenchServer, bodies: InboundBodies, channels: Channel[], options: { concurrency: number; customers: number; firstNumber: number; warmupSeconds: number; seconds: number },
  windowStarts: () => void, windowEnds: () => void): Promise<AckFigures> {
  const poster = new WebhookPoster(server.baseUrl, options.concurrency);
  const windowFrom = performance.now() + options.warmupSeconds * 1000;
  const windowTo = windowFrom + options.seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let sequence = 0;
  let windowOpen = false;
  let windowClosed = false;
  const worker = async () => {
    for (;;) {
      const now = performance.now();
      if (!windowOpen && now >= windowFrom) {
        windowOpen = true;
        windowStarts();
      }
      if (now >= windowTo) break;
      sequence += 1;
      const index = sequence % options.customers;
      const channel = channels[index % channels.length]!;
      const from = `55119${String(options.firstNumber + index).padStart(8, '0')}`;
      const { body, signature } = bodies.build({ phoneNumberId: channel.phoneNumberId, from, name: `Cliente ${index}`, wamid: `wamid.ack.${sequence}`, text: `ack ${sequence}` }, channel.appSecret);
      const posted = performance.now();
      let status: number;
      try {
        status = await poster.post(channel.path, body, signature);
      } catch {
        status = 0;
      }
      if (status !== 200) errors += 1;
      else if (posted >= windowFrom) latencies.push(performance.now() - posted);
    }
    if (!windowClosed) {
      windowClosed = true;
      windowEnds();
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  poster.close();
  const sorted = sortedCopy(latencies);
  return { concurrency: options.concurrency, requests: sorted.length, turns: sorted.length, windowSeconds: options.seconds, perSecond: sorted.length / options.seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? 0, errors };
}

type Stages = { turns: number; queued: [number, number]; delivered: [number, number] };

/**
 * Where a reply's time went, from the database's own timestamps, for the messages stored inside the
 * window: stored → its turn's transaction began (the turn queue), → the outbox row was marked sent
 * after the Graph API took it (the turn itself, the delivery queue and the send). p50 and p99 in ms.
 */
async function stageLatencies(server: ChannelBenchServer, from: Date, to: Date): Promise<Stages> {
  const url = new URL(server.adminUrl);
  url.pathname = `/${server.databaseName}`;
  const [row] = await adminQuery<{ turns: number; q50: number; q99: number; d50: number; d99: number }>(url.toString(), `
    WITH s AS (
      SELECT extract(epoch FROM t.created_at - m.created_at) * 1000 AS queued,
             extract(epoch FROM o.sent_at - t.created_at) * 1000 AS delivered
        FROM messages m JOIN turns t ON t.id = m.turn_id JOIN outbox o ON o.turn_id = t.id
       WHERE m.direction = 'in' AND m.created_at >= $1 AND m.created_at < $2 AND o.sent_at IS NOT NULL)
    SELECT count(*)::int AS turns,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY queued) AS q50, percentile_cont(0.99) WITHIN GROUP (ORDER BY queued) AS q99,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY delivered) AS d50, percentile_cont(0.99) WITHIN GROUP (ORDER BY delivered) AS d99
      FROM s`, [from.toISOString(), to.toISOString()]);
  return { turns: row?.turns ?? 0, queued: [row?.q50 ?? 0, row?.q99 ?? 0], delivered: [row?.d50 ?? 0, row?.d99 ?? 0] };
}

const stageLine = (s: Stages) => `    where the time went (database timestamps, ${s.turns} messages stored in the window), p50 / p99 ms: `
  + `stored → turn began ${s.queued[0].toFixed(0)} / ${s.queued[1].toFixed(0)}, turn began → marked sent (turn, delivery queue, send) ${s.delivered[0].toFixed(0)} / ${s.delivered[1].toFixed(0)}`;

function costLine(cost: PhaseCost, unit: string): string {
  const m = cost.machine;
  const share = (seconds: number) => `${((seconds / Math.max(1e-9, m!.total)) * 100).toFixed(0)}%`;
  const machine = m ? `\n    machine CPU in the window: ${share(m.busy)} busy (of ${cpus().length} cores) — server ${share(m.server)}, Postgres ${share(m.postgres)}, Redis ${share(m.redis)}, bench ${share(m.bench)}, `
    + `other ${share(Math.max(0, m.busy - m.server - m.postgres - m.redis - m.bench))}; stolen by the hypervisor ${share(m.steal)}` : '';
  return `    per ${unit}: server CPU ${cost.serverCpuMsPerTurn.toFixed(2)} ms (${(cost.serverSystemShare * 100).toFixed(0)}% in the kernel), ${cost.pgTransactionsPerTurn.toFixed(1)} Postgres transactions, ${cost.redisCommandsPerTurn.toFixed(1)} Redis commands (all clients)\n`
    + `    server: CPU ${cost.serverCpuPercent.toFixed(0)}% of a core, event loop busy ${(cost.serverElu * 100).toFixed(0)}%; bench process event loop busy ${(cost.benchElu * 100).toFixed(0)}%\n`
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

type Tenant = { token: string; channels: Channel[] };

/** A tenant with the echo flow published and `count` WhatsApp Cloud channels, each its own business number on the fake. */
async function setUpTenant(server: ChannelBenchServer, fake: LeanGraphFake, count: number, numberBase: number): Promise<Tenant> {
  const session = await api(server.baseUrl, 'POST', '/api/auth/signup', undefined, { tenantName: 'Bench', name: 'Bench', email: `bench-${Date.now()}-${numberBase}@example.com`, password: 'bench-password' });
  const token = session.accessToken!;
  const flow = await api(server.baseUrl, 'POST', '/api/flows/import', token, ECHO_FLOW);
  await api(server.baseUrl, 'POST', `/api/flows/${flow.id}/publish`, token, { changelog: 'bench' });
  const channels: Channel[] = [];
  for (let i = 0; i < count; i += 1) {
    const phoneNumberId = String(numberBase + i);
    const accessToken = `EAAbench-token-${numberBase + i}`;
    const appSecret = `bench-app-secret-${i}-${'0'.repeat(16)}`;
    fake.addNumber(phoneNumberId, accessToken);
    const created = await api(server.baseUrl, 'POST', '/api/channels', token, {
      type: 'whatsapp_cloud', name: `WhatsApp ${i + 1}`,
      config: { phoneNumberId, accessToken, appSecret, verifyToken: `bench-verify-${i}`, apiBaseUrl: fake.url, apiVersion: API_VERSION },
    });
    channels.push({ id: created.id!, path: new URL(created.webhookUrl!).pathname, phoneNumberId, appSecret });
  }
  return { token, channels };
}

async function main(): Promise<void> {
  const seconds = Number(arg('seconds', '15'));
  const warmupSeconds = Number(arg('warmup', '3'));
  const channelCount = Number(arg('channels', '16'));
  const customers = Number(arg('customers', '256'));
  const ackSeconds = Number(arg('ack-seconds', '8'));
  const capSeconds = Number(arg('cap-seconds', '5'));
  const logLevel = arg('log-level', 'info');
  const port = Number(arg('port', '3950'));
  // --cpu-prof <prefix>: V8 CPU profiles of the server over the windows of (1) and (4), <prefix>-e2e.cpuprofile and <prefix>-ack-api.cpuprofile (Chrome DevTools opens them).
  const profilePrefix = arg('cpu-prof', '');
  const profiling: Array<Promise<unknown>> = [];
  const profiled = (mark: () => void, step: () => Promise<unknown>) => (profilePrefix ? () => {
    mark();
    profiling.push(step());
  } : mark);
  const countIo = process.argv.includes('--count-io');
  analyzeAtWindow = !process.argv.includes('--no-analyze');
  const apiOnly = !process.argv.includes('--no-api-only');

  const router = new ReplyRouter();
  const fake = await new LeanGraphFake(API_VERSION, router.onSend).start();
  const began = performance.now();
  const out: string[] = [];
  let ackFigure = Number.POSITIVE_INFINITY;
  let ackErrors = 0;
  let turnsFigure = 0;
  let turnsClean = false;
  try {
    const server = await startChannelBenchServer({ port, logLevel, countIo });
    const counters = new BackendCounters(server);
    const bodies = new InboundBodies();
    try {
      const { channels } = await setUpTenant(server, fake, channelCount, 900_000_000_000_001);
      const window = { from: new Date(), to: new Date() };
      const e2e = await measured(server, counters, (starts, ends) => endToEnd(server, router, bodies, channels,
        { customers, firstNumber: 10_000_000, warmupSeconds, seconds, label: 'e2e' },
        profiled(() => { window.from = new Date(); starts(); }, () => server.startProfile()),
        profiled(() => { window.to = new Date(); ends(); }, () => server.stopProfile(resolve(`${profilePrefix}-e2e.cpuprofile`)))));
      const stages = await stageLatencies(server, window.from, window.to);
      await Promise.all(profiling);
      if (profilePrefix) console.error(`  CPU profile of the end-to-end window: ${resolve(`${profilePrefix}-e2e.cpuprofile`)}`);
      console.error(`  done: end to end, ${channelCount} channels`);
      const capCustomers = 128;
      const cap = await measured(server, counters, (starts, ends) => endToEnd(server, router, bodies, channels.slice(0, 1),
        { customers: capCustomers, firstNumber: 20_000_000, warmupSeconds: 2, seconds: capSeconds, label: 'cap' }, starts, ends));
      console.error('  done: one channel');
      const repliesBeforeAck = fake.accepted;
      const ack = await measured(server, counters, (starts, ends) => ackLatency(server, bodies, channels,
        { concurrency: 32, customers: 2048, firstNumber: 30_000_000, warmupSeconds: 1, seconds: ackSeconds }, starts, ends));
      const ackRepliesSoFar = fake.accepted - repliesBeforeAck;
      console.error('  done: ack latency');
      turnsFigure = e2e.perSecond;
      turnsClean = e2e.errors === 0 && e2e.lost === 0 && e2e.wrongReplies === 0;
      ackFigure = ack.p99;
      ackErrors = ack.errors;

      out.push(`(1) end to end: ${e2e.customers} customers over ${e2e.channels} channels, each sending its next message when its reply reached the fake; ${warmupSeconds} s warm-up, ${seconds} s window`);
      out.push(`    ${e2e.turns} turns, ${e2e.perSecond.toFixed(0)} turns/s; webhook post → reply received p50 ${e2e.p50.toFixed(1)} ms, p99 ${e2e.p99.toFixed(1)} ms, max ${e2e.max.toFixed(1)} ms`);
      out.push(`    their webhook acks: p50 ${e2e.ackP50.toFixed(1)} ms, p99 ${e2e.ackP99.toFixed(1)} ms; errors ${e2e.errors}, lost replies ${e2e.lost}, wrong replies ${e2e.wrongReplies}`);
      out.push(stageLine(stages));
      out.push(`    pacing ceiling: ${e2e.channels} × ${PACED_PER_CHANNEL}/s = ${e2e.channels * PACED_PER_CHANNEL} turns/s`);
      out.push(costLine(e2e.cost, 'turn'));
      if (countIo) out.push(ioLines(e2e.cost.io, Math.max(1, e2e.turns), 'turn'));
      out.push('', `(2) one channel: ${capCustomers} customers on one business number; 2 s warm-up, ${capSeconds} s window`);
      out.push(`    ${cap.turns} turns, ${cap.perSecond.toFixed(0)} turns/s (paced at ${PACED_PER_CHANNEL}/s per channel); p50 ${cap.p50.toFixed(1)} ms, p99 ${cap.p99.toFixed(1)} ms; errors ${cap.errors}, lost ${cap.lost}, wrong ${cap.wrongReplies}`);
      out.push('', `(3) webhook ack: 32 connections posting signed message webhooks (2,048 customers over ${channelCount} channels) back to back; 1 s warm-up, ${ackSeconds} s window`);
      out.push(`    ${ack.requests} acks, ${ack.perSecond.toFixed(0)}/s; p50 ${ack.p50.toFixed(1)} ms, p99 ${ack.p99.toFixed(1)} ms, max ${ack.max.toFixed(1)} ms; errors ${ack.errors}`);
      out.push(`    meanwhile the same process worked the turns they queued: ${ackRepliesSoFar} replies reached the fake by the end of the phase`);
      out.push(costLine(ack.cost, 'webhook'));
      if (countIo) out.push(ioLines(ack.cost.io, Math.max(1, ack.requests), 'webhook'));
    } finally {
      counters.close();
      await server.stop();
    }

    if (apiOnly) {
      // The same acks from a process that only serves HTTP (role api, as in the scale-out): the turns
      // it queues wait in Redis for a worker that is not there, so only the webhook path is timed.
      const apiServer = await startChannelBenchServer({ port: port + 1, logLevel, role: 'api', countIo });
      const apiCounters = new BackendCounters(apiServer);
      try {
        const { channels } = await setUpTenant(apiServer, fake, channelCount, 910_000_000_000_001);
        const ack = await measured(apiServer, apiCounters, (starts, ends) => ackLatency(apiServer, new InboundBodies(), channels,
          { concurrency: 32, customers: 2048, firstNumber: 40_000_000, warmupSeconds: 1, seconds: ackSeconds },
          profiled(starts, () => apiServer.startProfile()), profiled(ends, () => apiServer.stopProfile(resolve(`${profilePrefix}-ack-api.cpuprofile`)))));
        await Promise.all(profiling);
        console.error('  done: ack latency, api-only process');
        out.push('', `(4) webhook ack, api-only process (no worker in it, nothing runs the turns): 32 connections, 1 s warm-up, ${ackSeconds} s window`);
        out.push(`    ${ack.requests} acks, ${ack.perSecond.toFixed(0)}/s; p50 ${ack.p50.toFixed(1)} ms, p99 ${ack.p99.toFixed(1)} ms, max ${ack.max.toFixed(1)} ms; errors ${ack.errors}`);
        out.push(costLine(ack.cost, 'webhook'));
        if (countIo) out.push(ioLines(ack.cost.io, Math.max(1, ack.requests), 'webhook'));
      } finally {
        apiCounters.close();
        await apiServer.stop();
      }
    }
  } finally {
    await fake.close();
  }

  const took = (performance.now() - began) / 1000;
  console.log(`\nWhatsApp Cloud channel through a Fluxo process on Postgres + Redis (BullMQ jobs, Redis runtime events), ${cpus().length} cores shared with Postgres, Redis and the bench; LOG_LEVEL=${logLevel}${countIo ? ', I/O counted' : ''}`);
  console.log(`flow: message trigger (any) → text "Recebido: <text>" → end; ${channelCount} WhatsApp Cloud channels (business numbers) on one lean fake Graph API; took ${took.toFixed(0)} s`);
  console.log(`(1)–(3): one all-in-one process (api + worker, TURN_CONCURRENCY default), as npm start runs it; ${analyzeAtWindow ? 'ANALYZE as each window opens (a fresh database has no planner statistics)' : 'no ANALYZE (--no-analyze): plans of a database without statistics'}\n`);
  console.log(out.join('\n'));
  const ackMet = ackFigure < TARGET_ACK_P99_MS && ackErrors === 0;
  const turnsMet = turnsFigure >= TARGET_TURNS_PER_SECOND && turnsClean;
  console.log('\ntargets (all-in-one process)');
  console.log(`    webhook ack p99 < ${TARGET_ACK_P99_MS} ms at concurrency 32 (3): ${ackFigure.toFixed(1)} ms → ${ackMet ? 'MET' : 'NOT MET'}`);
  console.log(`    end to end ≥ ${TARGET_TURNS_PER_SECOND} turns/s (1): ${turnsFigure.toFixed(0)} turns/s → ${turnsMet ? 'MET' : 'NOT MET'}`);
  if (router.unexpected) console.log(`    (${router.unexpected} replies reached the fake for no waiting customer: the ack phase's, or replies after a customer gave up)`);
  if (fake.rejected) console.log(`    (the fake rejected ${fake.rejected} Graph calls)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
