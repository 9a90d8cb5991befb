export { ApiError, isApiError } from './ApiError';
export { createApiClient } from './apiClient';
export type { ApiClient, ApiResponse, FetchLike, RequestOptions, ResponseLike, TokenStore, Tokens } from './apiClient';
export { ApiClientProvider, useApiClient } from './ApiClientContext';
