import { useEffect, useState } from 'react';

/** The current time, updated every `intervalMs`, so "há 1 minuto" becomes "há 2 minutos" on its own. */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
