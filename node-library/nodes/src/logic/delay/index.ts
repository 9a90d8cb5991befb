export { delay } from './delay.node';
