import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../shared/api';
import { login } from '../api/authApi';
import { useSessionStore } from '../store/session.store';
import type { LoginInput } from '../types';

/** Logs in; on success the session is stored and the public-only route sends the user on. */
export function useLogin() {
  const client = useApiClient();
  const signIn = useSessionStore((state) => state.signIn);
  return useMutation({ mutationFn: (input: LoginInput) => login(client, input), onSuccess: signIn });
}
