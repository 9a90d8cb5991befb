export { switchNode } from './switch.node';
