/**
 * @fluxo/engine: the flow graph model, validation, conditions and the turn interpreter.
 * Pure TypeScript with ports for everything outside; in-memory adapters run whole flows in tests.
 */
export * from './conditions';
export * from './graph/flow-graph';
export * from './registry/node-registry';
export * from './validation/graph-problem';
export * from './validation/validate-graph';
export * from './ports';
export * from './runtime/turn-types';
export * from './runtime/compile-flow';
export * from './runtime/conversation-state';
export * from './runtime/engine';
export * from './runtime/loop-detection';
export * from './memory';
