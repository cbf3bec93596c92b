import { useEffect, useState } from 'react';

/** The current time, refreshed every `ms` (a minute by default), so countdowns move while the page stays open. */
export const useNow = (ms = 60_000): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
};
