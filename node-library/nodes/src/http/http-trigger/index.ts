export { httpTrigger, matchHttpTrigger } from './http-trigger.node';
export type { HttpTriggerConfig } from './http-trigger.node';
