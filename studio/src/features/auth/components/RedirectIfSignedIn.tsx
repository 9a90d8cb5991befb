import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../hooks/useSession';
import type { ReturnState } from './RequireSession';

/**
 * Login and signup are for logged-out visitors. Once a session exists (already, or just now after
 * a successful login) this sends the person to the page they wanted, or to their flows.
 */
export function RedirectIfSignedIn() {
  const session = useSession();
  const from = (useLocation().state as ReturnState | null)?.from;
  if (session) return <Navigate to={from && from.startsWith('/') && !from.startsWith('//') ? from : '/flows'} replace />;
  return <Outlet />;
}
