/**
 * The WhatsApp Cloud channel through a real server on Postgres + Redis (BullMQ jobs, Redis runtime
 * events), against a local fake Graph API (channels/graph-fake.ts). A Fluxo process forked from
 * channels/server-entry.ts (startFluxo, as npm start runs it), a tenant with one published flow
 * (message trigger "any" → send text "Recebido: {{ trigger.text }}" → end: one reply per message)
 * and 16 WhatsApp Cloud channels, each its own business number on the fake (channels/tenant.ts). Six phases:
 *  (1) end to end, all-in-one process (api + worker): many customers spread over the channels, each
 *      sending its next message once its reply reached the fake (channels/end-to-end.ts), and where
 *      that time went (channels/stages.ts);
 *  (1b) the same at concurrency 32 (32 customers), the load the targets name: its turns/s and its acks;
 *  (2) one channel alone, to show the per-channel pacing;
 *  (3) webhook ack latency at steady rates (open loop), same process, its turns worked meanwhile;
 *  (4) webhook ack latency back to back (closed loop: the process's ack capacity), same process (channels/ack-latency.ts);
 *  (5) the same acks from a fresh api-only process (no worker), so the webhook path is timed alone;
 *  (6) the production shape: a fresh api process and a worker process, end to end and acks at steady rates.
 * Each phase also prints what it cost the server and the machine (channels/measurement.ts), with the
 * server's read/write system calls, waits and preemptions per turn (on a virtual machine those cost
 * more than the work they carry, so fewer round trips show there first).
 * Run: npm run bench:channels [-- --seconds 15 --warmup 3 --customers 256 --channels 16 --ack-seconds 8 --cap-seconds 5 --log-level info]
 * ANALYZE runs as each window opens (--no-analyze skips it). Diagnostics: --count-io (the server's queries and Redis commands by shape, per turn), --cpu-prof
 * <prefix> (V8 CPU profiles of the server over the windows of (1) and (5)), --no-api-only (skips (5)), --no-split (skips (6)).
 */
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ackLatency } from './channels/ack-latency';
import type { AckFigures } from './channels/ack-latency';
import { endToEnd } from './channels/end-to-end';
import { LeanGraphFake } from './channels/graph-fake';
import { PhaseMeter } from './channels/measurement';
import { ReplyRouter } from './channels/reply-router';
import { ackLine, costLines, stageLine } from './channels/report';
import { startChannelBenchServer } from './channels/server-process';
import { stageLatencies } from './channels/stages';
import { setUpTenant } from './channels/tenant';
import { InboundBodies } from './channels/webhooks';

const API_VERSION = 'v25.0';
const TARGET_ACK_P99_MS = 20;
const TARGET_TURNS_PER_SECOND = 400;
/** The concurrency the targets are stated at. */
const TARGET_CONCURRENCY = 32;
/**
 * PACE.whatsapp_cloud.perSecond in server/src/modules/channels/delivery/channel-delivery.sender.ts:
 * the ceiling of one business number, which is why (1) spreads its customers over 16 and (2) shows one alone.
 */
const PACED_PER_CHANNEL = 50;
/** Webhooks per second of (3): a busy afternoon of a few hundred customers, about half of (1)'s capacity, and near it. */
const STEADY_RATES = [50, 100, 200];
const STEADY_SECONDS = 5;

const arg = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > -1 ? (process.argv[index + 1] ?? fallback) : fallback;
};

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
  const analyze = !process.argv.includes('--no-analyze');
  const apiOnly = !process.argv.includes('--no-api-only');
  const split = !process.argv.includes('--no-split');

  const router = new ReplyRouter();
  const fake = await new LeanGraphFake(API_VERSION, router.onSend).start();
  const began = performance.now();
  const out: string[] = [];
  let ackFigure = Number.POSITIVE_INFINITY;
  let ackErrors = 0;
  let turnsFigure = 0;
  let turnsClean = false;
  let at32: { turns: number; ackP99: number; clean: boolean } | undefined;
  let steadyFigures: Array<{ rate: number; ack: AckFigures }> = [];
  let splitFigures: { turns: number; steady: Array<{ rate: number; ack: AckFigures }> } | undefined;
  try {
    const server = await startChannelBenchServer({ port, logLevel, countIo });
    const meter = new PhaseMeter(server, analyze);
    const bodies = new InboundBodies();
    try {
      const { channels } = await setUpTenant(server, fake, channelCount, 900_000_000_000_001);
      const window = { from: new Date(), to: new Date() };
      const e2e = await meter.measure((starts, ends) => endToEnd(server, router, bodies, channels,
        { customers, firstNumber: 10_000_000, warmupSeconds, seconds, label: 'e2e' },
        profiled(() => { window.from = new Date(); starts(); }, () => server.startProfile()),
        profiled(() => { window.to = new Date(); ends(); }, () => server.stopProfile(resolve(`${profilePrefix}-e2e.cpuprofile`)))));
      const stages = await stageLatencies(server, window.from, window.to);
      await Promise.all(profiling);
      if (profilePrefix) console.error(`  CPU profile of the end-to-end window: ${resolve(`${profilePrefix}-e2e.cpuprofile`)}`);
      console.error(`  done: end to end, ${channelCount} channels`);
      const e2e32 = await meter.measure((starts, ends) => endToEnd(server, router, bodies, channels,
        { customers: TARGET_CONCURRENCY, firstNumber: 15_000_000, warmupSeconds: 2, seconds: Math.min(seconds, 10), label: 'c32' }, starts, ends));
      at32 = { turns: e2e32.perSecond, ackP99: e2e32.ackP99, clean: e2e32.errors === 0 && e2e32.lost === 0 && e2e32.wrongReplies === 0 };
      console.error(`  done: end to end at concurrency ${TARGET_CONCURRENCY}`);
      const capCustomers = 128;
      const cap = await meter.measure((starts, ends) => endToEnd(server, router, bodies, channels.slice(0, 1),
        { customers: capCustomers, firstNumber: 20_000_000, warmupSeconds: 2, seconds: capSeconds, label: 'cap' }, starts, ends));
      console.error('  done: one channel');
      // Steady rates first: the back-to-back phase leaves a backlog of turns behind it.
      const steady: Array<{ rate: number; ack: AckFigures }> = [];
      for (const [index, rate] of STEADY_RATES.entries()) {
        const ack = await meter.measure((starts, ends) => ackLatency(server, bodies, channels,
          { concurrency: 32, customers: 2048, firstNumber: 50_000_000 + index * 1_000_000, warmupSeconds: 1, seconds: STEADY_SECONDS, ratePerSecond: rate }, starts, ends));
        steady.push({ rate, ack });
      }
      console.error('  done: ack latency at steady rates');
      steadyFigures = steady;
      const repliesBeforeAck = fake.accepted;
      const ack = await meter.measure((starts, ends) => ackLatency(server, bodies, channels,
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
      out.push(...costLines(e2e.cost, e2e.turns, 'turn', countIo));
      out.push('', `(1b) end to end at concurrency ${TARGET_CONCURRENCY}: ${e2e32.customers} customers, as (1); 2 s warm-up, ${e2e32.windowSeconds} s window`);
      out.push(`    ${e2e32.turns} turns, ${e2e32.perSecond.toFixed(0)} turns/s; webhook post → reply received p50 ${e2e32.p50.toFixed(1)} ms, p99 ${e2e32.p99.toFixed(1)} ms`);
      out.push(`    their webhook acks: p50 ${e2e32.ackP50.toFixed(1)} ms, p99 ${e2e32.ackP99.toFixed(1)} ms; errors ${e2e32.errors}, lost replies ${e2e32.lost}, wrong replies ${e2e32.wrongReplies}`);
      out.push(...costLines(e2e32.cost, e2e32.turns, 'turn', countIo));
      out.push('', `(2) one channel: ${capCustomers} customers on one business number; 2 s warm-up, ${capSeconds} s window`);
      out.push(`    ${cap.turns} turns, ${cap.perSecond.toFixed(0)} turns/s (paced at ${PACED_PER_CHANNEL}/s per channel); p50 ${cap.p50.toFixed(1)} ms, p99 ${cap.p99.toFixed(1)} ms; errors ${cap.errors}, lost ${cap.lost}, wrong ${cap.wrongReplies}`);
      out.push('', `(3) webhook ack at steady rates: 32 connections, open loop (each webhook timed from when it was due, its turn worked by the same process); 1 s warm-up, ${STEADY_SECONDS} s window each`);
      for (const { rate, ack: at } of steady) out.push(`    ${rate}/s: ${ackLine(at).trim()}`);
      out.push('', `(4) webhook ack: 32 connections posting signed message webhooks (2,048 customers over ${channelCount} channels) back to back; 1 s warm-up, ${ackSeconds} s window`);
      out.push(ackLine(ack));
      out.push(`    meanwhile the same process worked the turns they queued: ${ackRepliesSoFar} replies reached the fake by the end of the phase`);
      out.push(...costLines(ack.cost, ack.requests, 'webhook', countIo));
    } finally {
      meter.close();
      await server.stop();
    }

    if (apiOnly) {
      // The same acks from a process that only serves HTTP (role api, as in the scale-out): the turns
      // it queues wait in Redis for a worker that is not there, so only the webhook path is timed.
      const apiServer = await startChannelBenchServer({ port: port + 1, logLevel, role: 'api', countIo });
      const apiMeter = new PhaseMeter(apiServer, analyze);
      try {
        const { channels } = await setUpTenant(apiServer, fake, channelCount, 910_000_000_000_001);
        const ack = await apiMeter.measure((starts, ends) => ackLatency(apiServer, new InboundBodies(), channels,
          { concurrency: 32, customers: 2048, firstNumber: 40_000_000, warmupSeconds: 1, seconds: ackSeconds },
          profiled(starts, () => apiServer.startProfile()), profiled(ends, () => apiServer.stopProfile(resolve(`${profilePrefix}-ack-api.cpuprofile`)))));
        await Promise.all(profiling);
        console.error('  done: ack latency, api-only process');
        out.push('', `(5) webhook ack, api-only process (no worker in it, nothing runs the turns): 32 connections, 1 s warm-up, ${ackSeconds} s window`);
        out.push(ackLine(ack));
        out.push(...costLines(ack.cost, ack.requests, 'webhook', countIo));
      } finally {
        apiMeter.close();
        await apiServer.stop();
      }
    }

    if (split) {
      // The production shape on this machine: an api process and a worker process (npm run start:api
      // and start:worker), so the webhooks' acks no longer wait behind the turns in one event loop.
      const splitServer = await startChannelBenchServer({ port: port + 2, logLevel, role: 'api', workers: 1, countIo });
      const splitMeter = new PhaseMeter(splitServer, analyze);
      try {
        const { channels } = await setUpTenant(splitServer, fake, channelCount, 920_000_000_000_001);
        const bodies = new InboundBodies();
        const e2e = await splitMeter.measure((starts, ends) => endToEnd(splitServer, router, bodies, channels,
          { customers, firstNumber: 60_000_000, warmupSeconds, seconds, label: 'split' }, starts, ends));
        console.error('  done: end to end, api + worker processes');
        const steady: Array<{ rate: number; ack: AckFigures }> = [];
        for (const [index, rate] of STEADY_RATES.entries()) {
          steady.push({ rate, ack: await splitMeter.measure((starts, ends) => ackLatency(splitServer, bodies, channels,
            { concurrency: 32, customers: 2048, firstNumber: 70_000_000 + index * 1_000_000, warmupSeconds: 1, seconds: STEADY_SECONDS, ratePerSecond: rate }, starts, ends)) });
        }
        console.error('  done: ack latency at steady rates, api + worker processes');
        splitFigures = { turns: e2e.perSecond, steady };
        out.push('', `(6) the production shape: one api process and one worker process (npm run start:api, start:worker) on the same Postgres and Redis`);
        out.push(`    end to end, as (1): ${e2e.turns} turns, ${e2e.perSecond.toFixed(0)} turns/s; post → reply p50 ${e2e.p50.toFixed(1)} ms, p99 ${e2e.p99.toFixed(1)} ms; acks p50 ${e2e.ackP50.toFixed(1)} ms, p99 ${e2e.ackP99.toFixed(1)} ms; errors ${e2e.errors}, lost ${e2e.lost}, wrong ${e2e.wrongReplies}`);
        out.push(...costLines(e2e.cost, e2e.turns, 'turn', countIo));
        out.push(`    webhook ack at steady rates, as (3), the worker working their turns:`);
        for (const { rate, ack: at } of steady) out.push(`    ${rate}/s: ${ackLine(at).trim()}`);
      } finally {
        splitMeter.close();
        await splitServer.stop();
      }
    }
  } finally {
    await fake.close();
  }

  const took = (performance.now() - began) / 1000;
  console.log(`\nWhatsApp Cloud channel through a Fluxo process on Postgres + Redis (BullMQ jobs, Redis runtime events), ${cpus().length} cores shared with Postgres, Redis and the bench; LOG_LEVEL=${logLevel}${countIo ? ', I/O counted' : ''}`);
  console.log(`flow: message trigger (any) → text "Recebido: <text>" → end; ${channelCount} WhatsApp Cloud channels (business numbers) on one lean fake Graph API; took ${took.toFixed(0)} s`);
  console.log(`(1)–(4): one all-in-one process (api + worker, TURN_CONCURRENCY default), as npm start runs it; ${analyze ? 'ANALYZE as each window opens (a fresh database has no planner statistics)' : 'no ANALYZE (--no-analyze): plans of a database without statistics'}\n`);
  console.log(out.join('\n'));
  const ackMet = ackFigure < TARGET_ACK_P99_MS && ackErrors === 0;
  const turnsMet = turnsFigure >= TARGET_TURNS_PER_SECOND && turnsClean;
  console.log('\ntargets (all-in-one process)');
  console.log(`    webhook ack p99 < ${TARGET_ACK_P99_MS} ms at concurrency 32, back to back (4): ${ackFigure.toFixed(1)} ms → ${ackMet ? 'MET' : 'NOT MET'}`);
  for (const { rate, ack } of steadyFigures) console.log(`    (at a steady ${rate} webhooks/s over 32 connections (3): ack p99 ${ack.p99.toFixed(1)} ms)`);
  console.log(`    end to end ≥ ${TARGET_TURNS_PER_SECOND} turns/s (1): ${turnsFigure.toFixed(0)} turns/s → ${turnsMet ? 'MET' : 'NOT MET'}`);
  if (at32) {
    // The same targets read at the load they name, 32 customers end to end: turns/s and those webhooks' acks.
    const met = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
    console.log(`    at concurrency ${TARGET_CONCURRENCY} end to end (1b): ${at32.turns.toFixed(0)} turns/s → ${met(at32.turns >= TARGET_TURNS_PER_SECOND && at32.clean)}; `
      + `ack p99 ${at32.ackP99.toFixed(1)} ms → ${met(at32.ackP99 < TARGET_ACK_P99_MS && at32.clean)}`);
  }
  if (splitFigures) {
    console.log(`    api + worker processes (6): end to end ${splitFigures.turns.toFixed(0)} turns/s; ack p99 at steady rates ${splitFigures.steady.map(({ rate, ack }) => `${ack.p99.toFixed(1)} ms at ${rate}/s`).join(', ')}`);
  }
  if (router.unexpected) console.log(`    (${router.unexpected} replies reached the fake for no waiting customer: the ack phase's, or replies after a customer gave up)`);
  if (fake.rejected) console.log(`    (the fake rejected ${fake.rejected} Graph calls)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
