export * from './compare';
export * from './condition-group';
export * from './safe-regex';
