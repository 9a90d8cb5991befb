export { condition } from './condition.node';
