export * from './http-trigger';
export * from './http-response';
