import { useCallback, useSyncExternalStore } from "react";
import type { StoreMutatorIdentifier, UseBoundStore } from "zustand";
import { createStore, type Mutate, type StateCreator, type StoreApi } from "zustand/vanilla";

/**
 * zustand's `create`, except for what a store shows while the server renders a page and while
 * the browser hydrates it (docs/decisions/021): zustand's own hook answers React's "server
 * snapshot" with the store's initial state, so a store the server filled for the page (the
 * person signed in, the board, the page's "now") would render as empty there, and the browser,
 * which fills its stores the same way before it hydrates, would see its markup as a mismatch.
 * Here the server snapshot is the store's current state on both sides.
 */
export function create<T>() {
  return <Mos extends [StoreMutatorIdentifier, unknown][] = []>(
    initializer: StateCreator<T, [], Mos>,
  ): UseBoundStore<Mutate<StoreApi<T>, Mos>> => {
    const api = createStore<T>()(initializer);
    // The store's hook, as zustand's `create` returns it: made once per store, at module level.
    // biome-ignore lint/correctness/noComponentHookFactories: a store factory, like zustand's own.
    const useBoundStore = <U>(selector?: (state: T) => U) => useStoreSlice(api, selector);
    return Object.assign(useBoundStore, api) as unknown as UseBoundStore<Mutate<StoreApi<T>, Mos>>;
  };
}

const whole = <T, U>(state: T) => state as unknown as U;

function useStoreSlice<T, U>(api: StoreApi<T>, selector: (state: T) => U = whole): U {
  const slice = useCallback(() => selector(api.getState()), [api, selector]);
  return useSyncExternalStore(api.subscribe, slice, slice);
}
