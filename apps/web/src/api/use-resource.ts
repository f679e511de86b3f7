import { useEffect, useEffectEvent, useState, useSyncExternalStore } from "react";
import { ResourceStore, type ResourceView, resourceKey, resourceView } from "./resource-store";

export interface Resource<T> extends ResourceView<T> {
  /** Fetches the current key again, keeping what is shown; rejects if that fails (the view shows it too). */
  reload: () => Promise<void>;
  /** Shows the server's answer to a change (a save) as the current key's data. */
  replace: (data: T) => void;
}

/**
 * Something a section fetches for itself: asked again when `key` changes
 * (showing "loading", never the previous key's data) or `refreshKey` changes
 * (keeping what is shown until the new answer arrives). A null key fetches
 * nothing. Answers that arrive after the key changed or the section unmounted
 * are dropped (see ResourceStore).
 */
export function useResource<T>(
  key: readonly unknown[] | null,
  load: () => Promise<T>,
  options: { failureMessage: string; refreshKey?: unknown },
): Resource<T> {
  const [store] = useState(() => new ResourceStore<T>());
  const answer = useSyncExternalStore(store.subscribe, store.answer);
  const keyText = key === null ? null : resourceKey(key);
  const { failureMessage, refreshKey } = options;
  // The loader is a new closure every render; the key says when it asks something new.
  const loadCurrent = useEffectEvent(load);

  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey only says when to fetch again.
  useEffect(() => {
    if (keyText === null) return;
    // A failure is shown through the view; nobody here awaits it.
    store.fetch(keyText, loadCurrent, failureMessage).catch(() => undefined);
    return () => store.cancel();
  }, [store, keyText, failureMessage, refreshKey]);

  return {
    ...resourceView(answer, keyText),
    reload: () => (keyText === null ? Promise.resolve() : store.refetch(keyText, load, failureMessage)),
    replace: (data) => {
      if (keyText !== null) store.replace(keyText, data);
    },
  };
}
