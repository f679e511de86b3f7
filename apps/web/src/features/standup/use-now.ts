import { useEffect, useState } from "react";

/**
 * The current time, ticking every `everyMs`. Ages and blocked times on a
 * projector must be right to the minute, finer than the board's shared clock.
 */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
