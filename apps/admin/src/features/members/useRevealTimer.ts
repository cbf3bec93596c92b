import type { MemberReveal } from '@linli/contracts';
import { useEffect, useState } from 'react';

/** How long revealed values stay on screen. */
export const REVEAL_SECONDS = 60;

/**
 * Revealed values held in memory for `REVEAL_SECONDS`, then dropped; leaving the page drops them too (the state
 * dies with the component). A second reveal adds its fields and starts the time again. `left` counts down.
 */
export const useRevealTimer = () => {
  const [values, setValues] = useState<MemberReveal | null>(null);
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (!values) return;
    const timer = setInterval(() => setLeft((s) => Math.max(0, s - 1)), 1000);
    return () => clearInterval(timer);
  }, [values]);
  useEffect(() => {
    if (values && left === 0) setValues(null);
  }, [values, left]);
  return {
    values,
    left,
    show: (v: MemberReveal) => {
      setValues((prev) => ({ ...prev, ...v }));
      setLeft(REVEAL_SECONDS);
    },
    hide: () => {
      setValues(null);
      setLeft(0);
    },
  };
};
