import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { isSession } from '../types';
import type { Session } from '../types';

type SessionState = {
  session: Session | null;
  /** Why the last session ended without the user logging out, so the login page can say so. */
  endReason: 'expired' | null;
  signIn: (session: Session) => void;
  signOut: () => void;
  expire: () => void;
};

export const SESSION_STORAGE_KEY = 'fluxo.session';

/**
 * The logged-in person, their tenant and tokens, kept in localStorage so a reload or a new tab
 * stays logged in. Logging out also ends the session on the server (useLogout).
 */
export const useSessionStore = create<SessionState>()(
  persist(
    (set) => ({
      session: null,
      endReason: null,
      signIn: (session) => set({ session, endReason: null }),
      signOut: () => set({ session: null, endReason: null }),
      expire: () => set((state) => (state.session ? { session: null, endReason: 'expired' } : state)),
    }),
    {
      name: SESSION_STORAGE_KEY,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ session }) => ({ session }),
      merge: (persisted, current) => {
        const session = (persisted as { session?: unknown } | undefined)?.session;
        return { ...current, session: isSession(session) ? session : null };
      },
    },
  ),
);

/**
 * Another tab that renews the tokens rotates the refresh token; this tab must pick up the new
 * pair (or the logout) instead of trying the old one and losing its session.
 */
export function syncSessionAcrossTabs(): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === SESSION_STORAGE_KEY) void useSessionStore.persist.rehydrate();
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}
