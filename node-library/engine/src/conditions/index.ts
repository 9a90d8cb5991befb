export * from './compare';
export * from './condition-group';
