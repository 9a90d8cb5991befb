import { useSessionStore } from '../store/session.store';
import type { Session } from '../types';

/** The current session, or null when logged out; components re-render when it changes. */
export function useSession(): Session | null {
  return useSessionStore((state) => state.session);
}
