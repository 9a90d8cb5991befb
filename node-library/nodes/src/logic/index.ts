export * from './condition';
export * from './switch';
export * from './set-variable';
export * from './random-split';
export * from './business-hours';
export * from './delay';
export * from './jump-to-flow';
export * from './end';
