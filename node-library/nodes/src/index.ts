/** @fluxo/nodes: Fluxo's built-in nodes, one folder each. */
export * from './builtin-nodes';
export * from './triggers';
export * from './messages';
export * from './logic';
export * from './http';
