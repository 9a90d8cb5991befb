import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../hooks/useSession';

export type ReturnState = { from?: string };

/** Pages behind login: without a session, go to /login and come back here afterwards. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const state: ReturnState = { from: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={state} />;
  }
  return <Outlet />;
}
