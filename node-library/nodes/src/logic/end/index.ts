export { endFlow } from './end.node';
