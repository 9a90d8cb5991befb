import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useSessionStore } from '../store/session.store';

/** Forgets the session (AppProviders drops its cached data), then shows the login page. */
export function useLogout(): () => void {
  const navigate = useNavigate();
  const signOut = useSessionStore((state) => state.signOut);
  return useCallback(() => {
    signOut();
    void navigate('/login', { replace: true });
  }, [navigate, signOut]);
}
