import type { TokenStore } from '../../../shared/api';
import { isSession } from '../types';
import { useSessionStore } from './session.store';

/** The API client's view of the session store: read the tokens, store renewed ones, expire. */
export const sessionTokens: TokenStore = {
  get: () => {
    const session = useSessionStore.getState().session;
    return session ? { accessToken: session.accessToken, refreshToken: session.refreshToken } : null;
  },
  refreshed: (body) => {
    if (isSession(body)) useSessionStore.getState().signIn(body);
    else useSessionStore.getState().expire();
  },
  expired: () => useSessionStore.getState().expire(),
};
