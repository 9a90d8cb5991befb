import { NodeRegistry, validateGraph } from '@fluxo/engine';
import type { FlowGraph } from '@fluxo/engine';
import { builtinNodes } from '@fluxo/nodes';
import type { DataSource } from 'typeorm';

type NodeSpec = [id: string, type: string, config?: Record<string, unknown>];

/** A graph from node specs and `from>to` or `from:port>to` edges, like the engine's test helper. */
export function graphOf(nodes: NodeSpec[], edges: string[]): FlowGraph {
  return {
    schemaVersion: 1,
    nodes: nodes.map(([id, type, config], i) => ({ id, type, typeVersion: 1, position: { x: i * 240, y: 0 }, config: (config ?? {}) as FlowGraph['nodes'][number]['config'] })),
    edges: edges.map((edge, i) => {
      const [from = '', target = ''] = edge.split('>');
      const [source = '', sourcePort = 'out'] = from.split(':');
      return { id: `e${i}`, source, sourcePort, target };
    }),
    variables: [],
  };
}

/** A flow row with its draft, published as version 1 unless `publish` is false. */
export async function insertFlow(db: DataSource, tenantId: string, graph: FlowGraph, options: { name?: string; publish?: boolean; settings?: Record<string, unknown> } = {}): Promise<string> {
  // A factory graph that could not be published would make a test fail far from its cause.
  const problems = validateGraph(graph, new NodeRegistry(builtinNodes), 'publish');
  if (problems.length) throw new Error(`The test flow is invalid: ${JSON.stringify(problems)}`);
  const settings = JSON.stringify(options.settings ?? {});
  const [flow] = await db.query(`INSERT INTO flows (tenant_id, name, graph, settings, published_version) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [tenantId, options.name ?? 'Test flow', JSON.stringify(graph), settings, options.publish === false ? null : 1]);
  if (options.publish !== false) {
    await db.query(`INSERT INTO flow_versions (tenant_id, flow_id, version, graph, settings, changelog) VALUES ($1, $2, 1, $3, $4, 'first')`,
      [tenantId, flow.id, JSON.stringify(graph), settings]);
  }
  return flow.id as string;
}

/** trigger → ask name → buttons (two) → a branch each; the bot of the studio's end-to-end test. */
export const buttonsBot = (): FlowGraph => graphOf(
  [
    ['start', 'fluxo.messageTrigger', { mode: 'any' }],
    ['ask', 'fluxo.askQuestion', { question: 'Qual é o seu nome?', answerType: 'text', variable: 'nome' }],
    ['menu', 'fluxo.sendMessage', { kind: 'buttons', text: 'Oi, {{ vars.nome }}! O que deseja?', buttons: [{ id: 'precos', title: 'Preços' }, { id: 'horarios', title: 'Horários' }] }],
    ['precos', 'fluxo.sendMessage', { kind: 'text', text: 'Consulta: R$ 150,00' }],
    ['horarios', 'fluxo.sendMessage', { kind: 'text', text: 'Das 8h às 18h' }],
  ],
  ['start>ask', 'ask>menu', 'menu:precos>precos', 'menu:horarios>horarios'],
);

/** webhook → set variable → condition → templated JSON response: the HTTP-trigger flow of the tests and the bench. */
export const leadWebhook = (options: { secretName?: string } = {}): FlowGraph => graphOf(
  [
    ['hook', 'fluxo.httpTrigger', { method: 'POST', path: 'leads', conversationKey: '{{ body.from }}', ...(options.secretName ? { secretName: options.secretName } : {}) }],
    ['count', 'fluxo.setVariable', { assignments: [{ name: 'calls', value: '{{ contact.fields.calls | default: 0 | plus: 1 }}', type: 'number', scope: 'contact' }] }],
    ['big', 'fluxo.condition', { conditions: { rules: [{ left: '{{ trigger.body.value }}', operator: 'greaterThan', right: '1000' }] } }],
    ['hot', 'fluxo.httpResponse', { status: 201, body: '{"lead": {{ trigger.body.from | json }}, "tier": "hot", "calls": {{ contact.fields.calls }}}' }],
    ['cold', 'fluxo.httpResponse', { status: 200, body: '{"lead": {{ trigger.body.from | json }}, "tier": "cold", "calls": {{ contact.fields.calls }}}' }],
  ],
  ['hook>count', 'count>big', 'big:true>hot', 'big:false>cold'],
);
