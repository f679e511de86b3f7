import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync } from "node:zlib";
import type { TBoard } from "@tideway/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { firstAnswersOf, HOSTILE_TITLE, useFirstPaintFixture, writeIndexHtml } from "./helpers/first-paint";
import type { Client } from "./helpers/session";

/**
 * A built web app in miniature: an index.html like Vite's, one script with a Brotli copy,
 * and a manifest in which the board list's page imports a chunk of its own and one the
 * entry loads already.
 */
function writeWebBuild(): string {
  const dist = mkdtempSync(path.join(os.tmpdir(), "tideway-web-dist-"));
  mkdirSync(path.join(dist, "assets"));
  mkdirSync(path.join(dist, ".vite"));
  writeIndexHtml(dist, ['    <link rel="modulepreload" crossorigin href="/assets/react-1.js">']);
  const script = "console.log('the entry');\n".repeat(100);
  writeFileSync(path.join(dist, "assets/index-1.js"), script);
  writeFileSync(path.join(dist, "assets/index-1.js.br"), brotliCompressSync(script));
  const manifest = {
    "index.html": { file: "assets/index-1.js", isEntry: true, imports: ["_react-1.js"] },
    "_react-1.js": { file: "assets/react-1.js" },
    "_list-api-1.js": { file: "assets/list-api-1.js", imports: ["_react-1.js"] },
    "src/features/board/board-list-page.tsx": {
      file: "assets/board-list-page-1.js",
      isDynamicEntry: true,
      imports: ["_react-1.js", "_list-api-1.js"],
      css: ["assets/board-list-page-1.css"],
    },
    // Vite names a virtual module relative to the build's root.
    "../../virtual:tideway-messages/en/board-list": { file: "assets/board-list-1.js", isDynamicEntry: true },
  };
  writeFileSync(path.join(dist, ".vite/manifest.json"), JSON.stringify(manifest));
  return dist;
}

describe("[PAGES] a page brings its first paint's data and modules (issue 19)", () => {
  const fixture = useFirstPaintFixture(writeWebBuild());
  const { ctx } = fixture;
  let member: Client;
  let stranger: Client;
  let board: TBoard;
  beforeAll(() => {
    ({ member, stranger, board } = fixture);
  });

  it("answers a member's board page with who is signed in and the board, in the page itself", async () => {
    const response = await member.request({ method: "GET", url: `/boards/${board.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.headers["cache-control"]).toBe("private, no-cache");
    expect(response.headers.vary).toContain("Cookie");
    const first = firstAnswersOf(response.body);
    expect(first?.page).toBe(`/boards/${board.id}`);
    expect(Object.keys(first?.answers ?? {}).sort()).toEqual(["/api/auth/me", `/api/boards/${board.id}`]);
    // The same answers the API gives the same person.
    const api = await member.request({ method: "GET", url: `/api/boards/${board.id}` });
    expect(first?.answers[`/api/boards/${board.id}`]).toEqual(api.json());
    const me = await member.request({ method: "GET", url: "/api/auth/me" });
    expect(first?.answers["/api/auth/me"]).toEqual(me.json());
  });

  it("keeps a card's text inside the data: a title cannot close the element or start a script", async () => {
    const response = await member.request({ method: "GET", url: `/boards/${board.id}` });
    expect(response.body).not.toContain("<script>alert");
    expect(response.body.match(/<script/g)).toHaveLength(2);
    expect(response.body.match(/<\/script>/g)).toHaveLength(2);
    const answered = firstAnswersOf(response.body)?.answers[`/api/boards/${board.id}`] as TBoard | undefined;
    expect(answered?.demands.map((demand) => demand.title)).toEqual([HOSTILE_TITLE]);
  });

  it("gives a signed-out visitor or an unknown session the plain page, with no data", async () => {
    for (const headers of [{}, { cookie: "tideway_session=not-a-session" }]) {
      const response = await ctx.app.inject({ method: "GET", url: `/boards/${board.id}`, headers });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<div id="root">');
      expect(firstAnswersOf(response.body)).toBeNull();
      expect(response.body).not.toContain("Secret roadmap");
    }
  });

  it("gives someone who is not on the board nothing of it", async () => {
    const response = await stranger.request({ method: "GET", url: `/boards/${board.id}` });
    const first = firstAnswersOf(response.body);
    expect(Object.keys(first?.answers ?? {})).toEqual(["/api/auth/me"]);
    expect(response.body).not.toContain("Secret roadmap");
    const dashboard = await stranger.request({ method: "GET", url: `/boards/${board.id}/dashboard` });
    expect(Object.keys(firstAnswersOf(dashboard.body)?.answers ?? {})).toEqual(["/api/auth/me"]);
    expect(dashboard.body).not.toContain("Secret roadmap");
  });

  it("brings the dashboard's numbers for its default view only", async () => {
    const plain = await member.request({ method: "GET", url: `/boards/${board.id}/dashboard` });
    const metrics = firstAnswersOf(plain.body)?.answers[`/api/boards/${board.id}/metrics`];
    expect(metrics).toMatchObject({ delivery: expect.any(Object) });
    const filtered = await member.request({ method: "GET", url: `/boards/${board.id}/dashboard?days=90` });
    expect(Object.keys(firstAnswersOf(filtered.body)?.answers ?? {}).sort()).toEqual([
      "/api/auth/me",
      `/api/boards/${board.id}`,
    ]);
  });

  it("preloads the board list's own modules and style with its page, not the entry's again", async () => {
    const response = await member.request({ method: "GET", url: "/" });
    const head = response.body.slice(0, response.body.indexOf("</head>"));
    const preloaded = [
      ...head.matchAll(/<link rel="(modulepreload|stylesheet)" crossorigin href="([^"]+)">/g),
    ].map((link) => `${link[1]} ${link[2]}`);
    expect(preloaded).toEqual([
      "modulepreload /assets/react-1.js", // index.html's own

      "modulepreload /assets/board-list-page-1.js",
      "stylesheet /assets/board-list-page-1.css",
      "modulepreload /assets/list-api-1.js",
      "modulepreload /assets/board-list-1.js",
    ]);
    const boards = firstAnswersOf(response.body)?.answers["/api/boards"] as { boards: { id: string }[] };
    expect(boards.boards.map((listed) => listed.id)).toEqual([board.id]);
  });

  it("compresses the page for a browser that accepts Brotli", async () => {
    const response = await member.request({
      method: "GET",
      url: `/boards/${board.id}`,
      headers: { "accept-encoding": "gzip, deflate, br" },
    });
    expect(response.headers["content-encoding"]).toBe("br");
    const html = brotliDecompressSync(response.rawPayload).toString("utf8");
    expect(firstAnswersOf(html)?.page).toBe(`/boards/${board.id}`);
  });

  it("compresses an API answer of 1 kB or more for a client that accepts it", async () => {
    const response = await member.request({
      method: "GET",
      url: `/api/boards/${board.id}`,
      headers: { "accept-encoding": "br" },
    });
    expect(response.headers["content-encoding"]).toBe("br");
    expect(JSON.parse(brotliDecompressSync(response.rawPayload).toString("utf8"))).toMatchObject({
      id: board.id,
    });
  });

  it("serves a script's Brotli copy, and a missing asset or API route as a JSON 404", async () => {
    const script = await ctx.app.inject({
      method: "GET",
      url: "/assets/index-1.js",
      headers: { "accept-encoding": "br" },
    });
    expect([script.statusCode, script.headers["content-encoding"]]).toEqual([200, "br"]);
    expect(script.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(brotliDecompressSync(script.rawPayload).toString("utf8")).toContain("the entry");
    for (const url of ["/assets/index-0.js", "/api/no-such-route"]) {
      const missing = await ctx.app.inject({ method: "GET", url });
      expect([missing.statusCode, missing.headers["content-type"]]).toEqual([
        404,
        "application/json; charset=utf-8",
      ]);
    }
  });
});
