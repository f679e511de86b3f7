import { ApiError } from "./api-request";

/** A request's identity as text: the board and the parameters asked (see `resourceKey`). */
type ResourceKeyText = string;

/** What a section shows for the key it asks about now. */
export interface ResourceView<T> {
  status: "loading" | "ready" | "failed";
  /** Only ever the answer to the current key; during a refresh of that key, the answer before it. */
  data: T | null;
  /** The sentence to show when the latest request for the current key failed. */
  error: string | null;
}

/** The last answer together with the key it answers: the pair keeps one board's data off another's page. */
interface ResourceAnswer<T> {
  key: ResourceKeyText;
  data: T | null;
  error: string | null;
}

const LOADING: ResourceView<never> = { status: "loading", data: null, error: null };

/** Keys are compared as JSON, so `["forecast", boardId, question]` built afresh each render is the same key. */
export function resourceKey(parts: readonly unknown[]): ResourceKeyText {
  return JSON.stringify(parts);
}

/**
 * The view for `key`: an answer given for any other key (the previous board,
 * the previous question) is never shown, only "loading" until its own arrives.
 */
export function resourceView<T>(
  answer: ResourceAnswer<T> | null,
  key: ResourceKeyText | null,
): ResourceView<T> {
  if (key === null || answer === null || answer.key !== key) return LOADING;
  if (answer.error !== null) return { status: "failed", data: answer.data, error: answer.error };
  return { status: "ready", data: answer.data, error: null };
}

/**
 * One section's fetched resource. Only the latest request may settle: an
 * answer that arrives after another request started, after `replace`, or
 * after `cancel` (the key changed, the section unmounted) is dropped. A reload
 * or a save for a key the section no longer asks about is dropped too.
 */
export class ResourceStore<T> {
  #answer: ResourceAnswer<T> | null = null;
  /** The key the section asks about now; null once cancelled. */
  #key: ResourceKeyText | null = null;
  #latestRequest = 0;
  readonly #listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly answer = (): ResourceAnswer<T> | null => this.#answer;

  /**
   * Asks `load` for `key`, which becomes the key asked about. What is shown
   * for the same key stays until the new answer replaces it (a refresh does
   * not flash "loading"). Rejects with the loader's error when this request
   * failed and was still the latest, so a caller awaiting it can say so; the
   * view shows the failure either way.
   */
  async fetch(key: ResourceKeyText, load: () => Promise<T>, failureMessage: string): Promise<void> {
    this.#key = key;
    const request = ++this.#latestRequest;
    let data: T;
    try {
      data = await load();
    } catch (error) {
      if (request !== this.#latestRequest) return;
      const shown = this.#answer?.key === key ? this.#answer.data : null;
      this.#set({ key, data: shown, error: error instanceof ApiError ? error.message : failureMessage });
      throw error;
    }
    if (request === this.#latestRequest) this.#set({ key, data, error: null });
  }

  /** `fetch` again, unless the section has moved on from `key` (a reload started before the switch). */
  async refetch(key: ResourceKeyText, load: () => Promise<T>, failureMessage: string): Promise<void> {
    if (key === this.#key) await this.fetch(key, load, failureMessage);
  }

  /** The server's answer to a change (a save) replaces what is shown; answers still in flight are older. */
  replace(key: ResourceKeyText, data: T): void {
    if (key !== this.#key) return;
    this.#latestRequest++;
    this.#set({ key, data, error: null });
  }

  /** Drops every answer still in flight, and any reload or save until the next `fetch`. */
  cancel(): void {
    this.#key = null;
    this.#latestRequest++;
  }

  #set(answer: ResourceAnswer<T>): void {
    this.#answer = answer;
    for (const listener of this.#listeners) listener();
  }
}
