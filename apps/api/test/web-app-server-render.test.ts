import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DAY } from "@tideway/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { addDemand } from "./helpers/demands";
import { firstAnswersOf, useFirstPaintFixture, writeIndexHtml } from "./helpers/first-paint";
import { seedFlowLog } from "./helpers/flow-log";
import { createClient } from "./helpers/session";

const WEB_SERVER_ENTRY = fileURLToPath(new URL("../../web/src/entry-server.tsx", import.meta.url));

/**
 * A built web app whose server bundle is the web app's own server entry, from its source
 * (vitest compiles it as Vite's SSR build does): the pages are rendered by the real components.
 */
function writeWebBuild(): string {
  const dist = mkdtempSync(path.join(os.tmpdir(), "tideway-web-ssr-"));
  mkdirSync(path.join(dist, "assets"));
  mkdirSync(path.join(dist, "server"));
  writeIndexHtml(dist);
  writeFileSync(
    path.join(dist, "server/entry-server.js"),
    `export * from ${JSON.stringify(WEB_SERVER_ENTRY)};\n`,
  );
  return dist;
}

/** What the server rendered into the page's root element ("" when nothing). */
function rootOf(html: string): string {
  return /<div id="root">(.*?)<\/div>\s*(?:<script type="application\/json"|<\/body>)/s.exec(html)?.[1] ?? "";
}

describe("[PAGES] the server renders a page's first content with the web app's components (issue 19)", () => {
  const fixture = useFirstPaintFixture(writeWebBuild());

  beforeAll(async () => {
    const { ctx, member, board } = fixture;
    await addDemand(member, board, { title: "Settle refunds nightly" });
    // Deliveries inside the dashboard's default window (the last 30 days), so its tiles have a p85.
    await seedFlowLog(ctx.db, board, Date.now() - 20 * DAY, {
      "Delivered in 3 days": [
        ["Design", 0],
        ["Done", 3],
      ],
      "Delivered in 5 days": [
        ["Design", 1],
        ["Done", 6],
      ],
    });
  });

  it("renders a member's board list: a link to each board", async () => {
    const { member, board } = fixture;
    const response = await member.request({ method: "GET", url: "/" });
    const root = rootOf(response.body);
    expect(root).toMatch(new RegExp(`<ul class="board-list"><li><a href="/boards/${board.id}">`));
    expect(root).toContain("Secret roadmap");
    expect(firstAnswersOf(response.body)?.rendered).toMatchObject({ locale: "en", now: expect.any(Number) });
  });

  it("renders a member's board: its cards, every title escaped", async () => {
    const { member, board } = fixture;
    const response = await member.request({ method: "GET", url: `/boards/${board.id}` });
    const root = rootOf(response.body);
    expect(root.match(/<article [^>]*class="[^"]*demand-card/g)?.length).toBeGreaterThanOrEqual(2);
    expect(root).toContain("Settle refunds nightly");
    expect(root).toContain("&lt;/script&gt;&lt;script&gt;alert(document.cookie)&lt;/script&gt;&lt;!--");
    expect(response.body).not.toContain("<script>alert");
  });

  it("renders a member's dashboard: the 2-1-1 tiles' p85 numbers", async () => {
    const { member, board } = fixture;
    const response = await member.request({ method: "GET", url: `/boards/${board.id}/dashboard` });
    const p85 = /data-testid="tile-delivery-p85"[^>]*>([^<]*)</.exec(rootOf(response.body));
    expect(p85?.[1]).toMatch(/\d/);
  });

  it("renders in the person's own language", async () => {
    const lin = await createClient(fixture.ctx.app, "lin");
    const chosen = await lin.request({ method: "PATCH", url: "/api/auth/me", payload: { locale: "zh-CN" } });
    expect(chosen.statusCode, chosen.body).toBe(200);
    const response = await lin.request({ method: "GET", url: "/" });
    expect(firstAnswersOf(response.body)?.rendered?.locale).toBe("zh-CN");
    expect(rootOf(response.body)).toContain("<h1>看板</h1>");
  });

  it("renders nothing of the board for someone not on it, or for a signed-out visitor", async () => {
    const { ctx, stranger, board } = fixture;
    for (const url of [`/boards/${board.id}`, `/boards/${board.id}/dashboard`, "/"]) {
      const strangers = await stranger.request({ method: "GET", url });
      expect(strangers.body).not.toContain("Secret roadmap");
      expect(strangers.body).not.toContain("Settle refunds nightly");
      for (const headers of [{}, { cookie: "tideway_session=not-a-session" }]) {
        const visitor = await ctx.app.inject({ method: "GET", url, headers });
        expect(rootOf(visitor.body)).toBe("");
        expect(visitor.body).not.toContain("Secret roadmap");
      }
    }
  });
});
