import type { TImportBoardResult } from "@tideway/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { type Client, createClient } from "./helpers/session";
import { syntheticBoardExport } from "./helpers/synthetic-board-export";
import { postStreamed, watchWhile } from "./helpers/watch-import";
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
  const post = (key: string, body: Iterable<string>) =>
    postStreamed(ctx.app, `/api/boards/import?key=${key}`, lead.cookie, body);

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
});
