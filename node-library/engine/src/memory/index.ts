export * from './clocks';
export * from './in-memory-flows';
export * from './in-memory-stores';
export * from './in-memory-runtime';
