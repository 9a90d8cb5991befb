import { z } from 'zod';
import { defineNode, end, jump, next, NodeConfigError, normalizeText, ProviderError, wait } from '@fluxo/node-sdk';
import type { TriggerMatch } from '@fluxo/node-sdk';
import type { FlowEdge, FlowGraph, FlowNode } from '../graph/flow-graph';
import { NodeRegistry } from '../registry/node-registry';

/** Small nodes that exercise each engine rule without depending on the built-in node package. */

export const trigger = defineNode({
  type: 'test.trigger', version: 1, title: 'Trigger', description: 'Starts on a keyword, or on anything', category: 'triggers', icon: 'zap',
  config: z.object({ keyword: z.string().optional(), priority: z.number().default(0) }),
  outputs: [{ id: 'out', label: 'Start' }],
  trigger: {
    on: 'message',
    match: ({ config, message }): TriggerMatch | null => {
      if (!config.keyword) return { priority: config.priority, specificity: 0, outputs: { text: message.text ?? '' } };
      if (normalizeText(message.text ?? '') !== normalizeText(config.keyword)) return null;
      return { priority: config.priority, specificity: 2, outputs: { text: message.text ?? '', keyword: config.keyword } };
    },
  },
  execute: () => next('out'),
});

export const say = defineNode({
  type: 'test.say', version: 1, title: 'Say', description: 'Sends a text', category: 'messages', icon: 'send',
  config: z.object({ text: z.string().min(1) }),
  outputs: [{ id: 'out', label: 'Next' }],
  execute: (ctx) => {
    ctx.send({ kind: 'text', text: ctx.config.text });
    return next('out', { said: ctx.config.text });
  },
});

/** Says something, with an error port: a delivery that fails for good comes back to it. */
export const notify = defineNode({
  type: 'test.notify', version: 1, title: 'Notify', description: 'Sends a text, with an error port', category: 'messages', icon: 'send',
  config: z.object({ text: z.string().min(1) }),
  outputs: [{ id: 'out', label: 'Next' }],
  errorPort: true,
  execute: (ctx) => {
    ctx.send({ kind: 'text', text: ctx.config.text });
    return next('out');
  },
});

export const ask = defineNode({
  type: 'test.ask', version: 1, title: 'Ask', description: 'Asks and stores the answer', category: 'messages', icon: 'help-circle',
  config: z.object({ question: z.string(), variable: z.string(), scope: z.enum(['flow', 'contact']).default('flow'), timeoutMs: z.number().optional() }),
  outputs: [{ id: 'out', label: 'Answered' }, { id: 'timeout', label: 'No answer' }],
  execute: (ctx) => {
    ctx.send({ kind: 'text', text: ctx.config.question });
    return wait({ for: 'input', timeoutMs: ctx.config.timeoutMs, state: { asked: true } });
  },
  resume: (ctx, event) => {
    if (event.type === 'timer') return next('timeout');
    if (event.type !== 'input') return wait({ for: 'input' });
    ctx.vars.set(ctx.config.variable, event.message.text ?? '', ctx.config.scope);
    return next('out', { answer: event.message.text ?? '', hadState: ctx.waitState?.asked === true });
  },
});

export const setVar = defineNode({
  type: 'test.set', version: 1, title: 'Set', description: 'Sets a variable', category: 'logic', icon: 'variable',
  config: z.object({ name: z.string(), value: z.string() }),
  outputs: [{ id: 'out', label: 'Next' }],
  execute: (ctx) => {
    ctx.vars.set(ctx.config.name, ctx.config.value);
    return next('out');
  },
});

export const fail = defineNode({
  type: 'test.fail', version: 1, title: 'Fail', description: 'Throws', category: 'tools', icon: 'x',
  config: z.object({ kind: z.enum(['config', 'provider', 'plain']).default('plain') }),
  outputs: [{ id: 'out', label: 'Next' }],
  errorPort: true,
  execute: (ctx) => {
    if (ctx.config.kind === 'config') throw new NodeConfigError('Missing API key');
    if (ctx.config.kind === 'provider') throw new ProviderError('CRM answered 503', { status: 503, retryable: true });
    throw new Error('boom');
  },
});

export const badPort = defineNode({
  type: 'test.badPort', version: 1, title: 'Bad port', description: 'Returns a port it does not declare', category: 'logic', icon: 'x',
  config: z.object({}),
  outputs: [{ id: 'out', label: 'Next' }],
  execute: () => next('nowhere'),
});

export const loop = defineNode({
  type: 'test.pass', version: 1, title: 'Pass', description: 'Passes through', category: 'logic', icon: 'arrow-right',
  config: z.object({}),
  outputs: [{ id: 'out', label: 'Next' }],
  execute: () => next('out'),
});

export const waitEvent = defineNode({
  type: 'test.waitEvent', version: 1, title: 'Wait event', description: 'Waits for a named event', category: 'people', icon: 'user',
  config: z.object({ event: z.string() }),
  outputs: [{ id: 'out', label: 'Resolved' }],
  execute: (ctx) => wait({ for: 'event', event: ctx.config.event }),
  resume: (_ctx, event) => (event.type === 'event' ? next('out', { payload: event.payload ?? null }) : wait({ for: 'event', event: _ctx.config.event })),
});

export const delay = defineNode({
  type: 'test.delay', version: 1, title: 'Delay', description: 'Waits for a timer', category: 'logic', icon: 'timer',
  config: z.object({ ms: z.number() }),
  outputs: [{ id: 'out', label: 'Next' }],
  execute: (ctx) => wait({ for: 'timer', delayMs: ctx.config.ms }),
  resume: () => next('out'),
});

export const goto = defineNode({
  type: 'test.goto', version: 1, title: 'Go to flow', description: 'Jumps', category: 'logic', icon: 'corner-down-right',
  config: z.object({ flowId: z.string(), returnAfter: z.boolean().default(false) }),
  outputs: [{ id: 'out', label: 'After' }],
  errorPort: true,
  execute: (ctx) => jump(ctx.config.flowId, { returnAfter: ctx.config.returnAfter }),
});

export const stop = defineNode({
  type: 'test.end', version: 1, title: 'End', description: 'Ends', category: 'logic', icon: 'square',
  config: z.object({}),
  outputs: [],
  execute: () => end(),
});

export const button = defineNode({
  type: 'test.buttons', version: 1, title: 'Buttons', description: 'Ports from config', category: 'messages', icon: 'list',
  config: z.object({ options: z.array(z.object({ id: z.string(), title: z.string() })), required: z.boolean().default(false) }),
  outputs: (config) => config.options.map((o) => ({ id: o.id, label: o.title, required: config.required })),
  execute: (ctx) => next(ctx.config.options[0]?.id ?? 'none'),
});

export const testNodes = [trigger, say, notify, ask, setVar, fail, badPort, loop, waitEvent, delay, goto, stop, button];

export function testRegistry(): NodeRegistry {
  return new NodeRegistry(testNodes);
}

/** Builds a graph from short node specs and `a:port>b` edge strings. */
export function graph(nodes: Array<[id: string, type: string, config?: Record<string, unknown>]>, edges: string[], extra: Partial<FlowGraph> = {}): FlowGraph {
  const flowNodes: FlowNode[] = nodes.map(([id, type, config], index) => ({
    id, type, typeVersion: 1, position: { x: index * 200, y: 0 }, config: (config ?? {}) as FlowNode['config'],
  }));
  const flowEdges: FlowEdge[] = edges.map((spec, index) => {
    const [from, target] = spec.split('>') as [string, string];
    const [source, sourcePort = 'out'] = from.split(':') as [string, string?];
    return { id: `e${index}`, source, sourcePort, target };
  });
  return { schemaVersion: 1, nodes: flowNodes, edges: flowEdges, variables: [], ...extra };
}
