/**
 * @fluxo/node-sdk: everything needed to write, describe and test a Fluxo node.
 * Pure TypeScript: no I/O of its own, so it runs in the server, the browser and the sandbox.
 */
export * from './json';
export * from './messages';
export * from './errors';
export * from './results';
export * from './ports';
export * from './context';
export * from './define-node';
export * from './fields';
export * from './text/normalize';
export * from './text/numbers';
export * from './text/phone';
export * from './text/safe-pattern';
export * from './templates/template-errors';
export * from './templates/template-renderer';
export * from './templates/render-config';
export * from './runtime/variables';
export * from './runtime/unavailable-ports';
export * from './runtime/parse-config';
export * from './runtime/check-result';
export * from './runtime/template-scope';
export * from './runtime/node-step';
export * from './testing/fake-ports';
export * from './testing/run-node';
