import type { ApiClient } from '../../../shared/api';
import type { LoginInput, Session, SignupInput } from '../types';

/** The public auth routes: no Bearer token, and their 401 means "wrong credentials", not "expired". */
export async function login(client: ApiClient, input: LoginInput): Promise<Session> {
  return (await client.request<Session>('POST', '/api/auth/login', { body: input, auth: false })).data;
}

export async function signup(client: ApiClient, input: SignupInput): Promise<Session> {
  return (await client.request<Session>('POST', '/api/auth/signup', { body: input, auth: false })).data;
}
