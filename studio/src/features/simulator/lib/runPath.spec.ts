import type { TraceStep } from '../types';
import { appendPath, EMPTY_PATH, missingNodeIds, pathOfTrace } from './runPath';

const step = (nodeId: string, port?: string): TraceStep => ({
  flowId: 'f1', nodeId, type: 'fluxo.sendMessage', typeVersion: 1, startedAt: 0, durationMs: 1, action: port ? 'next' : 'wait', varChanges: [], ...(port && { port }),
});

const edges = [
  { id: 'e-start', source: 'start', sourceHandle: 'out' },
  { id: 'e-sales', source: 'menu', sourceHandle: 'sales' },
  { id: 'e-support', source: 'menu', sourceHandle: 'support' },
  { id: 'e-plain', source: 'sales' },
];

describe('pathOfTrace', () => {
  it('visits every step and takes the edge of the port each step left by', () => {
    expect(pathOfTrace([step('start', 'out'), step('menu', 'sales'), step('sales', 'out')], edges)).toEqual({
      visitedNodeIds: ['start', 'menu', 'sales'],
      takenEdgeIds: ['e-start', 'e-sales', 'e-plain'],
    });
  });

  it('takes no edge for a step that waits or whose port has no edge', () => {
    expect(pathOfTrace([step('menu'), step('support', 'out')], edges).takenEdgeIds).toEqual([]);
  });
});

describe('appendPath', () => {
  it('keeps the visits in order and an edge taken twice once', () => {
    const first = appendPath(EMPTY_PATH, { visitedNodeIds: ['start', 'menu'], takenEdgeIds: ['e-start'] });
    expect(appendPath(first, { visitedNodeIds: ['start', 'menu'], takenEdgeIds: ['e-start', 'e-sales'] })).toEqual({
      visitedNodeIds: ['start', 'menu', 'start', 'menu'],
      takenEdgeIds: ['e-start', 'e-sales'],
    });
  });
});

describe('missingNodeIds', () => {
  it('lists once each traced node the canvas does not have', () => {
    expect(missingNodeIds([step('start'), step('old'), step('old')], new Set(['start']))).toEqual(['old']);
  });
});
