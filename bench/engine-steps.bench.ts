/**
 * Node steps per second for a 20-node flow run in memory, over many conversations of two turns
 * each (the first runs 19 nodes up to a question, the second answers it and ends), with p50/p99
 * per turn and memory. Run: npm run bench:engine [-- --conversations 10000 --rounds 5]
 */
import { Engine, InMemoryFlowSource, ManualClock, NodeRegistry, validateGraph } from '@fluxo/engine';
import type { FlowEdge, FlowGraph, FlowNode, TurnResult } from '@fluxo/engine';
import { builtinNodes } from '@fluxo/nodes';
import { formatMb, formatMs, percentile, printTable } from './bench-stats';

type Spec = [id: string, type: string, config: Record<string, unknown>, ports?: string[]];

/** A realistic mix: variables with filters, conditions, switches, templated messages, a question. */
function benchFlow(): FlowGraph {
  const specs: Spec[] = [
    ['trigger', 'fluxo.messageTrigger', { mode: 'any' }],
    ['visits', 'fluxo.setVariable', { assignments: [{ name: 'visits', value: '{{ vars.visits | plus: 1 }}', type: 'number' }] }],
    ['greet', 'fluxo.sendMessage', { kind: 'text', text: 'Olá {{ contact.name }}! Bem-vindo de volta.' }],
    ['hours', 'fluxo.businessHours', { schedule: [{ day: 'wed', open: '08:00', close: '18:00' }] }, ['open', 'closed']],
    ['returning', 'fluxo.condition', { conditions: { rules: [{ left: '{{ vars.visits }}', operator: 'greaterThan', right: '0' }] } }, ['true', 'false']],
    ['intent', 'fluxo.switch', { value: '{{ message.text }}', cases: [{ id: 'preco', label: 'Preço', operator: 'contains', value: 'preço' }, { id: 'agenda', label: 'Agenda', operator: 'contains', value: 'agendar' }] }, ['preco', 'agenda', 'default']],
    ['tag', 'fluxo.setVariable', { assignments: [{ name: 'tag', value: 'lead' }, { name: 'origin', value: 'whatsapp' }] }],
    ['ab', 'fluxo.randomSplit', { branches: [{ id: 'a', label: 'A', weight: 1 }, { id: 'b', label: 'B', weight: 1 }] }, ['a', 'b']],
    ['info', 'fluxo.sendMessage', { kind: 'text', text: 'Temos horários amanhã às 14h e às 15h30.' }],
    ['qualified', 'fluxo.condition', { conditions: { combinator: 'any', rules: [{ left: '{{ vars.tag }}', operator: 'equals', right: 'lead' }, { left: '{{ vars.origin }}', operator: 'isOneOf', right: 'whatsapp, telegram' }] } }, ['true', 'false']],
    ['score', 'fluxo.setVariable', { assignments: [{ name: 'score', value: '{{ vars.visits }}', type: 'number' }] }],
    ['byTag', 'fluxo.switch', { value: '{{ vars.tag }}', cases: [{ id: 'lead', label: 'Lead', operator: 'equals', value: 'lead' }] }, ['lead', 'default']],
    ['code', 'fluxo.sendMessage', { kind: 'text', text: 'Seu protocolo: {{ conversation.id }}' }],
    ['hasName', 'fluxo.condition', { conditions: { rules: [{ left: '{{ contact.name }}', operator: 'isNotEmpty' }] } }, ['true', 'false']],
    ['stage', 'fluxo.setVariable', { assignments: [{ name: 'stage', value: 'qualificado' }] }],
    ['cep', 'fluxo.condition', { conditions: { rules: [{ left: '01001-000', operator: 'matchesRegex', right: '^\\d{5}-?\\d{3}$' }] } }, ['true', 'false']],
    ['menu', 'fluxo.sendMessage', { kind: 'text', text: '{{ contact.name }}, escolha um horário.' }],
    ['flag', 'fluxo.setVariable', { assignments: [{ name: 'asked', value: 'true', type: 'boolean' }] }],
    ['ask', 'fluxo.askQuestion', { question: 'Qual horário prefere?', answerType: 'text', variable: 'slot' }, ['out']],
    ['done', 'fluxo.end', { message: 'Combinado, {{ vars.slot }}!' }],
  ];
  const nodes: FlowNode[] = specs.map(([id, type, config], i) => ({ id, type, typeVersion: 1, position: { x: i * 220, y: 0 }, config: config as FlowNode['config'] }));
  const edges: FlowEdge[] = [];
  specs.forEach(([id, , , ports], i) => {
    const next = specs[i + 1];
    if (next) for (const port of ports ?? ['out']) edges.push({ id: `${id}-${port}`, source: id, sourcePort: port, target: next[0] });
  });
  return { schemaVersion: 1, nodes, edges, variables: [{ name: 'visits', type: 'number', default: 0 }] };
}

function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > -1 ? Number(process.argv[index + 1]) : fallback;
}

async function main(): Promise<void> {
  const conversations = arg('conversations', 10_000);
  const rounds = arg('rounds', 5);
  const registry = new NodeRegistry(builtinNodes);
  const graph = benchFlow();
  const problems = validateGraph(graph, registry, 'publish');
  if (problems.length) throw new Error(`The bench flow is invalid: ${JSON.stringify(problems)}`);
  const flows = new InMemoryFlowSource();
  flows.publish('bench', graph);
  const clock = new ManualClock('2026-05-13T13:00:00Z');
  const engine = new Engine({ registry, flows, clock, timeZone: 'America/Sao_Paulo' });
  const message = (text: string) => ({ id: 'm', type: 'text' as const, text, timestamp: '2026-05-13T13:00:00Z' });

  const runConversation = async (i: number, latencies?: number[]): Promise<number> => {
    const conversation = { id: `c${i}`, channel: 'bench' };
    const contact = { id: `k${i}`, name: 'Maria', isNew: false, fields: {} };
    let t = performance.now();
    const first: TurnResult = await engine.runTurn({ state: null, event: { type: 'message', message: message('quero agendar, qual o preço?') }, contact, conversation });
    latencies?.push(performance.now() - t);
    t = performance.now();
    const second = await engine.runTurn({ state: first.state, event: { type: 'message', message: message('14h') }, contact, conversation });
    latencies?.push(performance.now() - t);
    if (first.status !== 'waiting' || second.status !== 'ended') throw new Error(`Unexpected statuses ${first.status}/${second.status}: ${JSON.stringify(first.error ?? second.error)}`);
    return first.trace.length + second.trace.length;
  };

  for (let i = 0; i < 2_000; i++) await runConversation(-i); // warm-up: JIT and template caches
  if (global.gc) global.gc();
  const heapBefore = process.memoryUsage().heapUsed;
  // Several rounds, because a shared machine's neighbours show up as one slow round, not as the engine's speed.
  const latencies: number[] = [];
  const roundRates: number[] = [];
  let steps = 0;
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    const roundStart = performance.now();
    let roundSteps = 0;
    for (let i = 0; i < conversations; i++) roundSteps += await runConversation(round * conversations + i, latencies);
    roundRates.push(roundSteps / ((performance.now() - roundStart) / 1000));
    steps += roundSteps;
  }
  const elapsedMs = performance.now() - started;
  const memory = process.memoryUsage();
  latencies.sort((a, b) => a - b);
  roundRates.sort((a, b) => a - b);
  const rate = (value: number) => Math.round(value).toLocaleString('en-US');

  printTable(`engine: ${graph.nodes.length}-node flow, ${rounds} rounds × ${conversations} conversations × 2 turns, in memory, one core`, [
    ['node steps', String(steps)],
    ['turns', String(latencies.length)],
    ['elapsed', formatMs(elapsedMs)],
    ['node steps/s', `${rate(steps / (elapsedMs / 1000))} overall; per round median ${rate(percentile(roundRates, 50))}, best ${rate(roundRates[roundRates.length - 1] ?? 0)}, worst ${rate(roundRates[0] ?? 0)}`],
    ['turns/s', rate(latencies.length / (elapsedMs / 1000))],
    ['turn p50', formatMs(percentile(latencies, 50))],
    ['turn p99', formatMs(percentile(latencies, 99))],
    ['turn max', formatMs(latencies[latencies.length - 1] ?? 0)],
    ['heap used', `${formatMb(memory.heapUsed)} (${formatMb(memory.heapUsed - heapBefore)} more than before the run)`],
    ['rss', formatMb(memory.rss)],
  ]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
