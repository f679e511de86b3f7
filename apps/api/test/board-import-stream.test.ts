import { PassThrough } from "node:stream";
import type { TImportBoardResult } from "@tideway/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { IMPORT_BODY_LIMIT_BYTES } from "../src/routes/board-export";
import { type Client, createClient } from "./helpers/session";
import { statementLog } from "./helpers/statement-log";
import { syntheticBoardExport } from "./helpers/synthetic-board-export";
import { listeningPort, postOverSocket, postStreamed, watchWhile } from "./helpers/watch-import";
import { useTestApp } from "./test-app";

const MiB = 1024 * 1024;
/**
 * A 12 MiB export: this test checks the streamed route end to end (socket, parser, import) and
 * that other requests are answered meanwhile. The event loop's longest turn is a wall time (a
 * worker starved of CPU on a shared machine reads as a long turn), so it is the bench's figure,
 * with memory, before and after: bench/board-import-memory.ts.
 */
const SIZE_BYTES = 12 * MiB;

describe("streamed board import (issue 19, target 4)", () => {
  const ctx = useTestApp();
  let lead: Client;
  beforeAll(async () => {
    lead = await createClient(ctx.app, "lead");
  });

  const boardsNamed = (key: string) => ctx.db.board.count({ where: { key } });
  const post = (key: string, body: Iterable<string>, headers: Record<string, string> = {}) =>
    postStreamed(ctx.app, `/api/boards/import?key=${key}`, lead.cookie, body, headers);

  it("imports a large export read from the socket while every health check asked meanwhile answers", async () => {
    let bytes = 0;
    const counted = function* () {
      for (const piece of syntheticBoardExport({ sizeBytes: SIZE_BYTES })) {
        bytes += Buffer.byteLength(piece);
        yield piece;
      }
    };
    const run = await watchWhile(ctx.app, () => post("BIG", counted()));
    expect(run.result.statusCode, JSON.stringify(run.result.json)).toBe(201);
    const imported = run.result.json as TImportBoardResult;
    expect(bytes).toBeGreaterThan(10 * MiB);
    expect(await ctx.db.transition.count({ where: { demand: { boardId: imported.boardId } } })).toBe(
      imported.transitions,
    );
    expect(run.healthErrors).toBe(0);
    expect(run.healthAnswers).toBeGreaterThan(0);
  });

  it("answers a request with no document, or an empty one, with a 400 that says what to send", async () => {
    const nothing = await lead.request({ method: "POST", url: "/api/boards/import?key=NONE" });
    expect(nothing.statusCode, nothing.body).toBe(400);
    expect(nothing.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringMatching(/^body is missing/),
    });
    const empty = await lead.request({
      method: "POST",
      url: "/api/boards/import?key=NONE",
      headers: { "content-type": "application/json" },
      payload: "",
    });
    expect(empty.statusCode, empty.body).toBe(400);
    expect(await boardsNamed("NONE")).toBe(0);
  });

  it("answers a truncated body with 400 MALFORMED_JSON and writes nothing", async () => {
    const pieces = [...syntheticBoardExport({ sizeBytes: 200_000, key: "CUT" })];
    const text = pieces.join("");
    const response = await post("CUT", [text.slice(0, Math.floor(text.length * 0.7))]);
    expect(response.statusCode).toBe(400);
    expect(response.json).toMatchObject({ code: "MALFORMED_JSON" });
    expect(await boardsNamed("CUT")).toBe(0);
  });

  it("names a wrong type deep in the log (transitions.12345.at) and writes nothing", async () => {
    const body = syntheticBoardExport({
      sizeBytes: 7_000_000,
      transitionAt: (index, transition) => (index === 12_345 ? { ...transition, at: 42 } : transition),
    });
    const response = await post("DEEP", body);
    expect(response.statusCode).toBe(400);
    expect(response.json).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringMatching(/^body\.transitions\.12345\.at: /),
    });
    expect(await boardsNamed("DEEP")).toBe(0);
  });

  it("names a transition of a demand the document does not hold and writes nothing", async () => {
    const body = syntheticBoardExport({
      sizeBytes: 1_000_000,
      transitionAt: (index, transition) =>
        index === 777 ? { ...transition, demandId: "no-such-demand" } : transition,
    });
    const response = await post("GHOST", body);
    expect(response.statusCode).toBe(400);
    expect(response.json).toMatchObject({
      code: "VALIDATION_FAILED",
      message: "body.transitions.777.demandId: names no demand of this document",
    });
    expect(await boardsNamed("GHOST")).toBe(0);
  });

  it("rolls back the batches already written when the document's last item is bad, and stores nothing", async () => {
    // 600 demands and 6,000 transitions: several batches are written before the last transition is read.
    const sizeBytes = 3_000_000;
    const lastTransition = Math.round(sizeBytes / 5_000) * 10 - 1;
    const demandsBefore = await ctx.db.demand.count();
    const log = statementLog();
    log.start();
    const response = await post(
      "LATE",
      syntheticBoardExport({
        sizeBytes,
        transitionAt: (index, transition) =>
          index === lastTransition ? { ...transition, demandId: "no-such-demand" } : transition,
      }),
    ).finally(() => log.stop());
    expect(response.statusCode).toBe(400);
    expect(response.json).toMatchObject({
      code: "VALIDATION_FAILED",
      message: `body.transitions.${lastTransition}.demandId: names no demand of this document`,
    });
    // It did write as it read (demands, then transitions), and all of it was undone.
    expect(log.statements.filter((text) => /INSERT INTO demands/.test(text)).length).toBeGreaterThan(0);
    expect(log.statements.filter((text) => /tideway_log_transitions/.test(text)).length).toBeGreaterThan(0);
    expect(log.statements.filter((text) => /^ROLLBACK/i.test(text.trim())).length).toBeGreaterThan(0);
    expect(await boardsNamed("LATE")).toBe(0);
    expect(await ctx.db.demand.count()).toBe(demandsBefore);
  });

  it("answers a body past the import's limit with 413 and a JSON body, declared or found while reading", async () => {
    const tooLarge = {
      code: "PAYLOAD_TOO_LARGE",
      message: expect.stringMatching(/larger than this route accepts \(100 MiB\)/),
    };
    const declared = await post("HUGE", ["{"], { "content-length": String(IMPORT_BODY_LIMIT_BYTES + 1) });
    expect(declared.statusCode).toBe(413);
    expect(declared.json).toMatchObject(tooLarge);

    // No length given (chunked): counted as it arrives, refused once past the limit.
    const spaces = " ".repeat(1024 * 1024);
    const endless = function* () {
      yield '{"formatVersion":1,"members":[';
      for (let mib = 0; mib <= IMPORT_BODY_LIMIT_BYTES / MiB; mib++) yield spaces;
      yield "]}";
    };
    const streamed = await post("HUGE", endless());
    expect(streamed.statusCode).toBe(413);
    expect(streamed.json).toMatchObject(tooLarge);
    expect(await boardsNamed("HUGE")).toBe(0);
  }, 120_000);

  it("holds the user's one import slot while the body is still arriving: a second import meanwhile is 429", async () => {
    const pieces = [...syntheticBoardExport({ sizeBytes: 100_000, key: "SLOW" })];
    const body = new PassThrough();
    const slow = postOverSocket(
      await listeningPort(ctx.app),
      "/api/boards/import?key=SLOW",
      lead.cookie,
      body,
    );
    // The board, its stages and lanes are sent; the demands and the log are not, yet.
    body.write(pieces.slice(0, 3).join(""));
    const another = async () => (await post("OTHER", ["{}"])).statusCode;
    try {
      await expect.poll(another, { timeout: 20_000 }).toBe(429);
    } finally {
      body.end(pieces.slice(3).join(""));
    }
    expect((await slow).statusCode).toBe(201);
    // The slot is free again: the next import is read (and refused for what it is, not for the limit).
    expect(await another()).toBe(400);
    expect(await boardsNamed("OTHER")).toBe(0);
  });
});
