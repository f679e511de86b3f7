import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { FastifyBaseLogger } from "fastify";

/**
 * The web app's server bundle (apps/web/src/entry-server.tsx, built by Vite into
 * `dist/server/`), which renders the pages people wait on with the web app's own components
 * (docs/decisions/021). Its types are restated here: the API does not compile the web app.
 */
export interface ServerRenderer {
  /** The markup inside the page's root element and its language, or null when there is none to render. */
  renderFirstPage(page: {
    url: string;
    answers: Record<string, unknown>;
    now: number;
    languages: readonly string[];
  }): { html: string; locale: string } | null;
}

interface ServerBundle extends ServerRenderer {
  prepareServerRendering(): Promise<void>;
}

/**
 * Loads and prepares the server bundle of the build in `distDir`; null when the build has none
 * (pages are then sent as before, without markup) or it fails to load (said in the log).
 */
export async function loadServerRenderer(
  distDir: string,
  log: FastifyBaseLogger,
): Promise<ServerRenderer | null> {
  const entry = path.join(distDir, "server/entry-server.js");
  if (!existsSync(entry)) return null;
  try {
    const bundle = (await import(pathToFileURL(entry).href)) as ServerBundle;
    await bundle.prepareServerRendering();
    return {
      // A page that fails to render is sent as before: its answers without markup.
      renderFirstPage(page) {
        try {
          return bundle.renderFirstPage(page);
        } catch (error) {
          log.error({ err: error, url: page.url }, "the page's markup failed to render");
          return null;
        }
      },
    };
  } catch (error) {
    log.warn({ err: error }, "the web app's server bundle did not load: pages are sent without markup");
    return null;
  }
}

/** The browser's languages from an Accept-Language header, best first. */
export function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q) };
    })
    .filter(({ tag, q }) => tag !== "" && tag !== "*" && q > 0)
    .sort((a, b) => b.q - a.q)
    .map(({ tag }) => tag);
}
