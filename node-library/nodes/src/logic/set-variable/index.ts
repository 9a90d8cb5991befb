export { setVariable } from './set-variable.node';
