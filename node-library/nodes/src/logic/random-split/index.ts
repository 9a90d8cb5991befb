export { randomSplit } from './random-split.node';
