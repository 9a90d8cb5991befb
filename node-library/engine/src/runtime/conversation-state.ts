import { cloneJson } from '@fluxo/node-sdk';
import type { JsonObject } from '@fluxo/node-sdk';
import type { FlowVariable } from '../graph/flow-graph';
import type { ConversationState } from './turn-types';

export function initialState(): ConversationState {
  return { schemaVersion: 1, status: 'idle', vars: {}, nodes: {}, callStack: [], turns: 0 };
}

/** A copy the turn may change freely: the caller's state object is never mutated. */
export function copyState(state: ConversationState | null): ConversationState {
  return state ? (cloneJson(state as unknown as JsonObject) as unknown as ConversationState) : initialState();
}

/** Flow-scope variables at the start of a run: the declared defaults. */
export function defaultVariables(variables: FlowVariable[]): JsonObject {
  const vars: JsonObject = {};
  for (const variable of variables) {
    if ((variable.scope ?? 'flow') === 'flow' && variable.default !== undefined) vars[variable.name] = cloneJson(variable.default);
  }
  return vars;
}

/** Contact-scope defaults fill fields the contact does not have yet; true when any was filled. */
export function applyContactDefaults(fields: JsonObject, variables: FlowVariable[]): boolean {
  let filled = false;
  for (const variable of variables) {
    if (variable.scope === 'contact' && variable.default !== undefined && !(variable.name in fields)) {
      fields[variable.name] = cloneJson(variable.default);
      filled = true;
    }
  }
  return filled;
}
