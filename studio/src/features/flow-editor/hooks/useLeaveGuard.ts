import { useEffect } from 'react';
import { useBlocker } from 'react-router';

/**
 * While `active`: the browser asks before closing or reloading the tab, and in-app navigation to
 * another page is held (`blocker.state === 'blocked'`) until the person confirms or stays.
 */
export function useLeaveGuard(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need a value here to show their prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);

  return useBlocker(({ currentLocation, nextLocation }) => active && currentLocation.pathname !== nextLocation.pathname);
}
