import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useApiClient } from '../../../shared/api';
import { useSessionStore } from '../store/session.store';

/**
 * Ends the session on the server (its refresh token stops working), forgets it here (AppProviders
 * drops its cached data), then shows the login page. Logging out never waits on the network: a
 * failed server call still logs out this browser.
 */
export function useLogout(): () => void {
  const navigate = useNavigate();
  const api = useApiClient();
  const signOut = useSessionStore((state) => state.signOut);
  return useCallback(() => {
    const refreshToken = useSessionStore.getState().session?.refreshToken;
    if (refreshToken) void api.request('POST', '/api/auth/logout', { body: { refreshToken }, auth: false }).catch(() => undefined);
    signOut();
    void navigate('/login', { replace: true });
  }, [api, navigate, signOut]);
}
