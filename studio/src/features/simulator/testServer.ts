import { act } from '@testing-library/react';
import { errorReply, fakeApiClient } from '../../testing/fakeApiClient';
import type { FakeReply, FakeRequest } from '../../testing/fakeApiClient';
import { flowWith, nodeTypeViews } from '../flow-editor/testFixtures';
import type { FlowGraph } from '../flow-editor/types';
import type { ConnectSimulatorSocket, SimulatorSocketHandlers } from './lib/simulatorSocket';
import type { SimulationInput, SimulationReply, SimulationTurn, TraceStep } from './types';

/** A menu with two buttons; "Vendas" leads to a text. */
export const menuGraph = (): FlowGraph => ({
  schemaVersion: 1,
  nodes: [
    { id: 'start', type: 'fluxo.messageTrigger', typeVersion: 1, position: { x: 0, y: 0 }, config: { mode: 'any' } },
    {
      id: 'menu',
      type: 'fluxo.sendMessage',
      typeVersion: 1,
      position: { x: 300, y: 0 },
      label: 'Menu principal',
      config: { kind: 'buttons', text: 'Oi! Como posso ajudar?', buttons: [{ id: 'sales', title: 'Vendas' }, { id: 'support', title: 'Suporte' }] },
    },
    { id: 'sales', type: 'fluxo.sendMessage', typeVersion: 1, position: { x: 600, y: 0 }, config: { kind: 'text', text: 'Vamos às compras!' } },
  ],
  edges: [
    { id: 'start-menu', source: 'start', sourcePort: 'out', target: 'menu' },
    { id: 'menu-sales', source: 'menu', sourcePort: 'sales', target: 'sales' },
  ],
  variables: [],
});

export const traceStep = (nodeId: string, port: string | undefined, extra: Partial<TraceStep> = {}): TraceStep => ({
  flowId: 'f1',
  nodeId,
  type: nodeId === 'start' ? 'fluxo.messageTrigger' : 'fluxo.sendMessage',
  typeVersion: 1,
  startedAt: 0,
  durationMs: 3,
  action: port === undefined ? 'wait' : 'next',
  varChanges: [],
  ...(port !== undefined && { port }),
  ...extra,
});

/** The bot's side of one message: replies plus the committed turn. */
export type BotTurn = SimulationTurn & { replies: SimulationReply[] };

export const menuTurn = (turnId = 't1'): BotTurn => ({
  turnId,
  status: 'waiting',
  waitingFor: { nodeId: 'menu', for: 'input' },
  trace: [traceStep('start', 'out'), traceStep('menu', undefined)],
  vars: { name: 'Ana' },
  replies: [{ id: `${turnId}-r1`, message: { kind: 'buttons', text: 'Oi! *Como* posso ajudar?', buttons: [{ id: 'sales', title: 'Vendas' }, { id: 'support', title: 'Suporte' }], footer: 'Loja da Ana' } }],
});

type Options = {
  publishedVersion?: number | null;
  /** What the bot answers to each message, in order. */
  answer?: (input: SimulationInput, index: number) => BotTurn | FakeReply;
};

/** The editor's server plus the simulations API, and a fake live channel in place of socket.io. */
export function simulatorServer(options: Options = {}) {
  let revision = 1;
  let graph = menuGraph();
  let started = 0;
  let sent = 0;
  const client = fakeApiClient({
    'GET /api/node-types': () => ({ body: nodeTypeViews }),
    'GET /api/flows': () => ({ body: [] }),
    'GET /api/flows/:id': () => ({ body: flowWith(graph, revision, { publishedVersion: options.publishedVersion ?? null }), headers: { ETag: `"${revision}"` } }),
    'PUT /api/flows/:id': (request: FakeRequest) => {
      revision += 1;
      graph = (request.body as { graph: FlowGraph }).graph;
      return { body: flowWith(graph, revision, { publishedVersion: options.publishedVersion ?? null }), headers: { ETag: `"${revision}"` } };
    },
    'POST /api/flows/:id/simulations': (request) => {
      if ((request.body as { source: string }).source === 'published' && !options.publishedVersion) return errorReply(409, 'FLOW_NOT_PUBLISHED');
      started += 1;
      return { status: 201, body: { simulationId: `sim-${started}` } };
    },
    'POST /api/simulations/:id/messages': (request) => {
      const reply = (options.answer ?? (() => menuTurn()))(request.body as SimulationInput, sent);
      sent += 1;
      return 'turnId' in reply ? { body: reply } : reply;
    },
  });

  const connections: Array<{ simulationId: string; token: string | null; events: SimulatorSocketHandlers; closed: boolean }> = [];
  const connect: ConnectSimulatorSocket = (simulationId, token, events) => {
    const connection = { simulationId, token, events, closed: false };
    connections.push(connection);
    return { close: () => void (connection.closed = true) };
  };

  return {
    client,
    connect,
    connections,
    calls: (method: string, suffix: string) => client.calls.filter((call) => call.method === method && call.path.endsWith(suffix)),
    /** The live channel of the latest simulation pushes something. */
    push: (event: { reply?: SimulationReply; turn?: SimulationTurn }) =>
      act(() => {
        const live = connections.at(-1)!;
        if (event.reply) live.events.onReply(event.reply);
        if (event.turn) live.events.onTurn(event.turn);
      }),
  };
}
