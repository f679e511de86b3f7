import { existsSync } from "node:fs";
import path from "node:path";
import { PassThrough, type Transform } from "node:stream";
import zlib from "node:zlib";
import { Negotiator } from "@fastify/accept-negotiator";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { firstAnswers, firstAnswersElement } from "./first-answers";
import { firstPaintPlan } from "./first-paint-plan";
import { readPageShell } from "./page-shell";
import { acceptedLanguages, loadServerRenderer, type ServerRenderer } from "./server-renderer";

/**
 * Serves the built SPA: its files under /assets/, and for every other address the page,
 * which for the pages people wait on (first-paint-plan.ts) brings what their first paint
 * needs in the same response (docs/decisions/020). The page is streamed: the head, with the
 * links that preload the page's modules, leaves at once, so the browser fetches the scripts
 * while the server asks its own API for the page's first answers, which follow at the end of
 * the body. Module scripts run once the whole page is parsed, so they find the answers there.
 * When the build has the web app's server bundle, the body comes with the page's markup
 * rendered from those answers, which the browser hydrates (docs/decisions/021).
 */
export function serveWebApp(app: FastifyInstance, distDir: string): void {
  if (!existsSync(path.join(distDir, "index.html"))) return;
  // Vite writes every built file but index.html under assets/, so one wildcard route serves
  // them (a missing one is a 404, not the page). `wildcard: false` globbed the folder and
  // registered a route per file, about 60 ms of every start (issue 20). The build writes a
  // Brotli and a gzip copy beside each script and style (apps/web/vite.config.ts), sent to
  // browsers that accept them. Every file there is named after its content's hash, so a
  // browser may keep it for good: a new build's files have new names.
  void app.register(fastifyStatic, {
    root: path.join(distDir, "assets"),
    prefix: "/assets/",
    preCompressed: true,
    immutable: true,
    maxAge: "365d",
  });
  const shell = readPageShell(distDir);
  // Loaded once the server listens, not during its start (issue 20), or by the first page asked.
  let renderer: Promise<ServerRenderer | null> | null = null;
  const serverRenderer = () => {
    renderer ??= loadServerRenderer(distDir, app.log);
    return renderer;
  };
  app.addHook("onListen", async () => {
    void serverRenderer();
  });
  // Compressed here rather than by @fastify/compress, which cannot flush the head ahead of the rest.
  app.get("/*", { schema: { hide: true }, compress: false }, (request, reply) => {
    if (request.url.startsWith("/api/")) {
      return reply.callNotFound();
    }
    const { pathname, search } = new URL(request.url, "http://page.invalid");
    const plan = firstPaintPlan(pathname, search);
    const cookie = request.headers.cookie;
    const page = pageEncoder(request.headers["accept-encoding"]);
    // Answers are the visitor's own: never kept by a shared cache, never shown to another cookie.
    void reply
      .header("cache-control", "private, no-cache")
      .header("vary", "Cookie, Accept-Encoding")
      .type("text/html; charset=utf-8");
    if (page.encoding) void reply.header("content-encoding", page.encoding);
    page.stream.write(`${shell.head}${plan ? shell.preloadLinks(plan.modules) : ""}\n  `);
    if (!plan || !request.caller || !cookie) {
      page.stream.end(`${shell.body}${shell.end}`);
      return reply.send(page.stream);
    }
    page.flush();
    Promise.all([firstAnswers(app, plan.answers, cookie), serverRenderer()])
      .then(([answers, renderer]) => {
        // A visitor who left meanwhile closed the page's stream.
        if (page.stream.destroyed) return;
        const now = Date.now();
        const rendered = renderer?.renderFirstPage({
          url: request.url,
          answers: Object.fromEntries([...answers].map(([path, json]) => [path, JSON.parse(json)])),
          now,
          languages: acceptedLanguages(request.headers["accept-language"]),
        });
        const body = rendered ? shell.bodyWith(rendered.html) : shell.body;
        const element = firstAnswersElement(
          pathname,
          answers,
          rendered ? { now, locale: rendered.locale } : null,
        );
        page.stream.end(`${body}${element}${shell.end}`);
      })
      .catch((error: unknown) => {
        request.log.warn({ err: error }, "the page's first answers or its markup failed");
        if (!page.stream.destroyed) page.stream.end(`${shell.body}${shell.end}`);
      });
    return reply.send(page.stream);
  });
}

const PAGE_ENCODINGS = new Negotiator({ supportedValues: ["br", "gzip", "identity"] });

interface PageEncoder {
  stream: Transform;
  encoding: "br" | "gzip" | null;
  /** Sends what was written so far, compressed, without waiting for more. */
  flush(): void;
}

/** The page's body in the encoding the browser prefers: Brotli at a quality fast enough per request, gzip, or none. */
function pageEncoder(acceptEncoding: string | undefined): PageEncoder {
  const encoding = PAGE_ENCODINGS.negotiate(acceptEncoding ?? "");
  if (encoding === "br") {
    const stream = zlib.createBrotliCompress({
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      },
    });
    return { stream, encoding, flush: () => stream.flush() };
  }
  if (encoding === "gzip") {
    const stream = zlib.createGzip();
    return { stream, encoding, flush: () => stream.flush() };
  }
  return { stream: new PassThrough(), encoding: null, flush: () => {} };
}
