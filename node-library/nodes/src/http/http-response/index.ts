export { httpResponse } from './http-response.node';
