import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TBoard } from "@tideway/contracts";
import { afterAll, beforeAll } from "vitest";
import { type TestContext, useTestApp } from "../test-app";
import { createBoard } from "./board";
import { addDemand } from "./demands";
import { type Client, createClient } from "./session";

/** A card title that would end the page's script element and start another, were it not escaped. */
export const HOSTILE_TITLE = "</script><script>alert(document.cookie)</script><!--";

/** An index.html like Vite's, with one entry script, in `dist` (a built web app in miniature). */
export function writeIndexHtml(dist: string, headLines: readonly string[] = []): void {
  writeFileSync(
    path.join(dist, "index.html"),
    [
      "<!doctype html>",
      '<html lang="en">',
      "  <head>",
      '    <script type="module" crossorigin src="/assets/index-1.js"></script>',
      ...headLines,
      "  </head>",
      "  <body>",
      '    <div id="root"></div>',
      "  </body>",
      "</html>",
    ].join("\n"),
  );
}

/** The page's first answers, as the web app reads them, or null when the page brought none. */
export function firstAnswersOf(
  html: string,
): { page: string; answers: Record<string, unknown>; rendered?: { now: number; locale: string } } | null {
  const element = /<script type="application\/json" id="first-answers">(.*?)<\/script>/s.exec(html);
  return element?.[1] ? JSON.parse(element[1]) : null;
}

export interface FirstPaintFixture {
  ctx: TestContext;
  member: Client;
  stranger: Client;
  /** The member's board "Secret roadmap", with a card titled HOSTILE_TITLE. */
  board: TBoard;
}

/**
 * The app serving the web build in `dist` (removed afterwards), a member with a board holding a
 * card titled HOSTILE_TITLE, and someone who is not on it.
 */
export function useFirstPaintFixture(dist: string): FirstPaintFixture {
  const fixture = { ctx: useTestApp({ config: { webDistDir: dist } }) } as FirstPaintFixture;
  beforeAll(async () => {
    [fixture.member, fixture.stranger] = await Promise.all([
      createClient(fixture.ctx.app, "member"),
      createClient(fixture.ctx.app, "stranger"),
    ]);
    fixture.board = await createBoard(fixture.member, "Secret roadmap");
    await addDemand(fixture.member, fixture.board, { title: HOSTILE_TITLE });
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  return fixture;
}
