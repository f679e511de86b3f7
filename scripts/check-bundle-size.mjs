// Fails when the JavaScript a browser must load before the board can paint grows past its
// budget (issue 19). Run by `npm run test:e2e` right after the build; `node
// scripts/check-bundle-size.mjs` prints the figures alone.
//
// The board page is in the entry chunk; every other page, the board's drag layer (dnd-kit),
// the card's dialog, the dialogs' and notices' Radix parts, the app bar's menus, socket.io's
// client and the languages other than English load later (apps/web/src/app.tsx and the
// lazy imports beside them), so the board route's initial JavaScript is what
// apps/web/dist/index.html loads: the entry script and every modulepreload, counted
// gzip-compressed, as they travel.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = fileURLToPath(new URL("../apps/web/dist/", import.meta.url));
/**
 * What the check enforces (issue 19): the board route's initial JavaScript, gzip. It was
 * 261.5 kB on 2026-12-07 before the drag layer, the card's dialog, the board's other dialogs,
 * the menus, notices, socket.io, the sign-in pages and the Chinese catalogue loaded on
 * demand, the router's declarative mode (production build) replaced its data router, the
 * catalogues shipped pre-parsed without the ICU parser, and the board stopped bundling
 * contract modules it does not use: 149.2 kB. TanStack Query, the one cache of server
 * state (docs/decisions/015), then brought it to 167.0 kB, and the English catalogue grew with
 * the settings, portfolio and account pages' words to 170.8 kB. Each page and dialog now
 * brings its own words (docs/decisions/016: 158.0 kB) and the charts' react-is and
 * use-sync-external-store left the first page's React chunk: 157.2 kB; react-router's unused
 * NavLink and Form were shaken out: 155.4 kB (156.0 kB as other work landed). wouter replaced
 * react-router (docs/decisions/018): 147.6 kB. Of that, react-dom is 62 kB, zod 26 kB (every
 * response is checked against its contract; zod's classic API does not tree-shake), TanStack
 * Query 11 kB, the router 1.8 kB (with the useSyncExternalStore shim it reads the address by).
 */
const BUDGET_KB = 150;

const html = readFileSync(path.join(dist, "index.html"), "utf8");
const scripts = [
  ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
].map((match) => match[1]);
if (scripts.length === 0) {
  console.error("check-bundle-size: apps/web/dist/index.html loads no script; run npm run build first");
  process.exit(1);
}
let totalBytes = 0;
for (const script of scripts) {
  const bytes = gzipSync(readFileSync(path.join(dist, script))).length;
  totalBytes += bytes;
  console.log(`  ${(bytes / 1024).toFixed(1).padStart(6)} kB  ${script}`);
}
const totalKb = totalBytes / 1024;
console.log(
  `check-bundle-size: the board route's initial JavaScript is ${totalKb.toFixed(1)} kB gzip (budget ${BUDGET_KB} kB)`,
);
if (totalKb > BUDGET_KB) {
  console.error(`check-bundle-size: over the budget of ${BUDGET_KB} kB gzip`);
  process.exit(1);
}
