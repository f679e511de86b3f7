import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * False while the server renders a page and while the browser hydrates it, true from then on
 * (docs/decisions/021). A part that loads its code lazily renders only once true: on the
 * server it would suspend, and React's `renderToString` then leaves a boundary the browser
 * must render itself, which it reports as an error.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
