/**
 * Turn throughput and latency through the whole server: HTTP, intake, queue, the per-conversation
 * mailbox, the engine, the commit and the reply. Two workloads, at concurrency 1 and 32, on the
 * embedded default (PGlite, in-process jobs) and on Postgres + Redis (BullMQ):
 *  (a) simulator turns of the clinic example (examples/flows/clinic-menu.json), one simulated
 *      customer per connection walking the menu;
 *  (b) an HTTP-trigger flow (examples/flows/lead-webhook.json: webhook → set variable → condition →
 *      JSON response) driven by autocannon, 1,000 distinct callers.
 * Run: npm run bench:turn [-- --seconds 10 --modes embedded,postgres+redis]
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { api } from './api';
import type { ApiJson } from './api';
import { startBenchServer } from './bench-server';

type Figures = { workload: string; mode: string; concurrency: number; turns: number; perSecond: number; p50: number; p99: number; errors: number };

const EXAMPLES = join(__dirname, '..', '..', 'examples', 'flows');
const arg = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > -1 ? (process.argv[index + 1] ?? fallback) : fallback;
};

type Reply = { status?: string; waitingFor?: { nodeId: string } | null; replies?: Array<{ message: { buttons?: Array<{ id: string }> } }> };
type Json = ApiJson & { simulationId?: string; tenant?: { id: string } };

async function publishExample(baseUrl: string, token: string, file: string): Promise<string> {
  const flow = await api(baseUrl, 'POST', '/api/flows/import', token, JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')));
  await api(baseUrl, 'POST', `/api/flows/${flow.id}/publish`, token, { changelog: 'bench' });
  return flow.id!;
}

/** (a) Each connection is one customer chatting with the clinic bot, answering what it asks. */
async function simulatorTurns(baseUrl: string, token: string, flowId: string, concurrency: number, seconds: number): Promise<Omit<Figures, 'workload' | 'mode' | 'concurrency'>> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const customer = async () => {
    const { simulationId } = await api<Json>(baseUrl, 'POST', `/api/flows/${flowId}/simulations`, token, { source: 'published' });
    let reply: Reply = { waitingFor: null, replies: [] };
    while (performance.now() < deadline) {
      const offered = reply.replies?.flatMap((r) => r.message.buttons ?? []) ?? [];
      const body = offered.length ? { buttonId: offered.find((b) => b.id === 'precos')?.id ?? offered[0]!.id }
        : reply.waitingFor?.nodeId === 'pergunta_nome' ? { text: 'Ana' }
          : reply.waitingFor?.nodeId === 'pergunta_data' ? { text: '15/05' } : { text: 'oi' };
      const started = performance.now();
      try {
        reply = await api<Reply>(baseUrl, 'POST', `/api/simulations/${simulationId}/messages`, token, body);
        latencies.push(performance.now() - started);
        if (reply.status === 'ended' || reply.status === 'no_match') reply = { waitingFor: null, replies: [] };
      } catch {
        errors += 1;
        reply = { waitingFor: null, replies: [] };
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, customer));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return { turns: latencies.length, perSecond: latencies.length / elapsed, p50: at(50), p99: at(99), errors };
}

/** (b) autocannon posts leads from 1,000 callers (each caller is a conversation). */
async function webhookTurns(baseUrl: string, tenantId: string, concurrency: number, seconds: number): Promise<Omit<Figures, 'workload' | 'mode' | 'concurrency'>> {
  let sequence = 0;
  const result = await autocannon({
    url: `${baseUrl}/hooks/${tenantId}/leads`,
    connections: concurrency,
    duration: seconds,
    requests: [{
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request: autocannon.Request) => {
        sequence += 1;
        return { ...request, body: JSON.stringify({ from: `55119${String(sequence % 1000).padStart(8, '0')}`, value: (sequence * 37) % 2000 }) };
      },
    }],
  });
  const ok = result['2xx'];
  return { turns: ok, perSecond: ok / seconds, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors + result.timeouts };
}

async function main(): Promise<void> {
  const seconds = Number(arg('seconds', '10'));
  const modes = arg('modes', 'embedded,postgres+redis').split(',') as Array<'embedded' | 'postgres+redis'>;
  const figures: Figures[] = [];
  let port = 3900;
  for (const mode of modes) {
    const server = await startBenchServer(mode, port++);
    try {
      const session = await api<Json>(server.baseUrl, 'POST', '/api/auth/signup', undefined, { tenantName: 'Bench', name: 'Bench', email: `bench-${Date.now()}@example.com`, password: 'bench-password' });
      const token = session.accessToken!;
      const clinic = await publishExample(server.baseUrl, token, 'clinic-menu.json');
      await publishExample(server.baseUrl, token, 'lead-webhook.json');
      for (const concurrency of [1, 32]) {
        // A short warm-up per run: JIT, caches, connection pools.
        await simulatorTurns(server.baseUrl, token, clinic, concurrency, 1);
        figures.push({ workload: 'simulator (clinic)', mode, concurrency, ...(await simulatorTurns(server.baseUrl, token, clinic, concurrency, seconds)) });
        await webhookTurns(server.baseUrl, session.tenant!.id, concurrency, 1);
        figures.push({ workload: 'HTTP trigger (lead webhook)', mode, concurrency, ...(await webhookTurns(server.baseUrl, session.tenant!.id, concurrency, seconds)) });
        console.error(`  done: ${mode}, concurrency ${concurrency}`);
      }
    } finally {
      await server.stop();
    }
  }
  console.log(`\nturns through the server, ${seconds} s per run, one Fluxo process (api + worker), ${cpus().length} cores`);
  console.log(['workload'.padEnd(28), 'mode'.padEnd(15), 'conc'.padStart(4), 'turns'.padStart(7), 'turns/s'.padStart(8), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'errors'.padStart(6)].join('  '));
  for (const f of figures) {
    console.log([f.workload.padEnd(28), f.mode.padEnd(15), String(f.concurrency).padStart(4), String(f.turns).padStart(7), f.perSecond.toFixed(0).padStart(8), f.p50.toFixed(1).padStart(8), f.p99.toFixed(1).padStart(8), String(f.errors).padStart(6)].join('  '));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
