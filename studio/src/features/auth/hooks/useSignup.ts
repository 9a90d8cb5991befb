import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../shared/api';
import { signup } from '../api/authApi';
import { useSessionStore } from '../store/session.store';
import type { SignupInput } from '../types';

/** Creates the tenant and its owner, who is logged in right away. */
export function useSignup() {
  const client = useApiClient();
  const signIn = useSessionStore((state) => state.signIn);
  return useMutation({ mutationFn: (input: SignupInput) => signup(client, input), onSuccess: signIn });
}
