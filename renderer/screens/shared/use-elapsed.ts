import { useEffect, useState } from 'react';

/** Milliseconds since `since`, ticking once a second (null while there is nothing to count). */
export function useElapsed(since: number | null, running = true): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null || !running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since, running]);
  return since === null ? null : Math.max(0, now - since);
}
