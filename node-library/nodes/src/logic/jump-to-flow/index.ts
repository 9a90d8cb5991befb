export { jumpToFlow } from './jump-to-flow.node';
