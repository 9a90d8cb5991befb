import type { JsonObject } from './json';

/** Follow `port`; `outputs` become `{{ nodes.<id>.* }}` for later nodes. */
export type NextResult = { kind: 'next'; port: string; outputs?: JsonObject };

/**
 * Stop the turn here until something happens. `state` is kept with the conversation and handed
 * back as `ctx.waitState` when the node resumes.
 */
export type WaitResult =
  | { kind: 'wait'; for: 'input'; timeoutMs?: number; state?: JsonObject }
  | { kind: 'wait'; for: 'timer'; delayMs: number; state?: JsonObject }
  | { kind: 'wait'; for: 'event'; event: string; timeoutMs?: number; state?: JsonObject };

/** End the conversation's run of the flow. */
export type EndResult = { kind: 'end'; reason?: string };

/** Continue in another flow; with `returnAfter`, come back through this node's `out` port when it ends. */
export type JumpResult = { kind: 'jump'; flowId: string; returnAfter: boolean };

export type NodeResult = NextResult | WaitResult | EndResult | JumpResult;

export function next(port: string, outputs?: JsonObject): NextResult {
  return outputs === undefined ? { kind: 'next', port } : { kind: 'next', port, outputs };
}

export type WaitOptions =
  | { for: 'input'; timeoutMs?: number; state?: JsonObject }
  | { for: 'timer'; delayMs: number; state?: JsonObject }
  | { for: 'event'; event: string; timeoutMs?: number; state?: JsonObject };

export function wait(options: WaitOptions): WaitResult {
  return { kind: 'wait', ...options } as WaitResult;
}

export function end(reason?: string): EndResult {
  return reason === undefined ? { kind: 'end' } : { kind: 'end', reason };
}

export function jump(flowId: string, options: { returnAfter: boolean }): JumpResult {
  return { kind: 'jump', flowId, returnAfter: options.returnAfter };
}
