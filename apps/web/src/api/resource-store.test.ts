import { describe, expect, it } from "vitest";
import { ApiError } from "./api-request";
import { ResourceStore, resourceKey, resourceView } from "./resource-store";

/** A request whose answer the test gives when it chooses, to play answers out of order. */
function pending<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { load: () => promise, resolve, reject };
}

const BOARD_A = resourceKey(["insights", "board-a"]);
const BOARD_B = resourceKey(["insights", "board-b"]);
const FAILED = "The insights could not be loaded.";

function viewFor(store: ResourceStore<string>, key: string | null) {
  return resourceView(store.answer(), key);
}

describe("a fetched resource keyed by board and parameters", () => {
  it("never shows board A's data once the key is board B", async () => {
    const store = new ResourceStore<string>();
    await store.fetch(BOARD_A, async () => "advice for A", FAILED);
    expect(viewFor(store, BOARD_A)).toEqual({ status: "ready", data: "advice for A", error: null });

    const b = pending<string>();
    const asking = store.fetch(BOARD_B, b.load, FAILED);
    expect(viewFor(store, BOARD_B)).toEqual({ status: "loading", data: null, error: null });
    b.resolve("advice for B");
    await asking;
    expect(viewFor(store, BOARD_B)).toEqual({ status: "ready", data: "advice for B", error: null });
  });

  it("drops a late answer for board A that arrives after switching to board B", async () => {
    const store = new ResourceStore<string>();
    const a = pending<string>();
    const b = pending<string>();
    const askingA = store.fetch(BOARD_A, a.load, FAILED);
    store.cancel(); // the section's key changed
    const askingB = store.fetch(BOARD_B, b.load, FAILED);
    b.resolve("advice for B");
    await askingB;
    a.resolve("advice for A");
    await askingA;
    expect(store.answer()).toEqual({ key: BOARD_B, data: "advice for B", error: null });
    expect(viewFor(store, BOARD_B).data).toBe("advice for B");
  });

  it("drops a late answer for A even when B has not answered yet", async () => {
    const store = new ResourceStore<string>();
    const a = pending<string>();
    const askingA = store.fetch(BOARD_A, a.load, FAILED);
    void store.fetch(BOARD_B, pending<string>().load, FAILED);
    a.resolve("advice for A");
    await askingA;
    expect(store.answer()).toBeNull();
    expect(viewFor(store, BOARD_B)).toEqual({ status: "loading", data: null, error: null });
  });

  it("drops a late failure too, so A's error never shows on B", async () => {
    const store = new ResourceStore<string>();
    const a = pending<string>();
    const askingA = store.fetch(BOARD_A, a.load, FAILED);
    await store.fetch(BOARD_B, async () => "advice for B", FAILED);
    a.reject(new Error("socket hang up"));
    await askingA;
    expect(viewFor(store, BOARD_B)).toEqual({ status: "ready", data: "advice for B", error: null });
  });

  it("keeps showing the data during a refresh of the same key, without a loading flash", async () => {
    const store = new ResourceStore<string>();
    await store.fetch(BOARD_A, async () => "before the move", FAILED);
    const refresh = pending<string>();
    const refreshing = store.fetch(BOARD_A, refresh.load, FAILED);
    expect(viewFor(store, BOARD_A)).toEqual({ status: "ready", data: "before the move", error: null });
    refresh.resolve("after the move");
    await refreshing;
    expect(viewFor(store, BOARD_A).data).toBe("after the move");
  });

  it("reports a failed refresh with the API's sentence and keeps the data it had", async () => {
    const store = new ResourceStore<string>();
    await store.fetch(BOARD_A, async () => "advice for A", FAILED);
    const refusal = new ApiError(404, { code: "NOT_FOUND", message: "This board does not exist." });
    await expect(store.fetch(BOARD_A, () => Promise.reject(refusal), FAILED)).rejects.toBe(refusal);
    expect(viewFor(store, BOARD_A)).toEqual({
      status: "failed",
      data: "advice for A",
      error: "This board does not exist.",
    });
    await expect(store.fetch(BOARD_A, () => Promise.reject(new Error("offline")), FAILED)).rejects.toThrow();
    expect(viewFor(store, BOARD_A).error).toBe(FAILED);
  });

  it("lets a saved answer win over an older request still in flight", async () => {
    const store = new ResourceStore<string>();
    const older = pending<string>();
    const asking = store.fetch(BOARD_A, older.load, FAILED);
    store.replace(BOARD_A, "as saved");
    older.resolve("as before the save");
    await asking;
    expect(viewFor(store, BOARD_A).data).toBe("as saved");
  });

  it("ignores a save or a reload for board A that finishes after switching to board B", async () => {
    const store = new ResourceStore<string>();
    await store.fetch(BOARD_A, async () => "advice for A", FAILED);
    store.cancel();
    const b = pending<string>();
    const askingB = store.fetch(BOARD_B, b.load, FAILED);
    store.replace(BOARD_A, "saved on A");
    await store.refetch(BOARD_A, async () => "reloaded on A", FAILED);
    b.resolve("advice for B");
    await askingB;
    expect(store.answer()).toEqual({ key: BOARD_B, data: "advice for B", error: null });
  });

  it("treats parameters built afresh as the same key, and a null key as nothing to show", () => {
    expect(resourceKey(["forecast", "board-a", { mode: "when", count: 10 }])).toBe(
      resourceKey(["forecast", "board-a", { mode: "when", count: 10 }]),
    );
    expect(resourceView({ key: BOARD_A, data: "advice for A", error: null }, null).data).toBeNull();
  });
});
