import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** One chunk of the web app's build, as Vite's manifest (`build.manifest`) describes it. */
interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

/**
 * The built web app's `index.html`, cut where the server adds to it: the links that preload
 * a page's own modules go at the end of the head, the page's first answers at the end of the
 * body (docs/decisions/020).
 */
export interface PageShell {
  /** Everything up to the end of the head, without `</head>`. */
  head: string;
  /** From `</head>` to the end of the body, without `</body>`. */
  body: string;
  /** `body` with `markup` (server-rendered, docs/decisions/021) inside its empty root element. */
  bodyWith(markup: string): string;
  /** From `</body>` on. */
  end: string;
  /** The `<link>` tags that load `modules` (manifest keys) and what they import, beyond the entry's. */
  preloadLinks(modules: readonly string[]): string;
}

/** The element the web app renders into (apps/web/index.html). */
const EMPTY_ROOT = '<div id="root"></div>';

/** Reads `index.html` and the build's manifest (if the build wrote one) from `distDir`. */
export function readPageShell(distDir: string): PageShell {
  const html = readFileSync(path.join(distDir, "index.html"), "utf8");
  const headEnd = html.indexOf("</head>");
  const bodyEnd = html.lastIndexOf("</body>");
  if (headEnd < 0 || bodyEnd < headEnd) throw new Error(`${distDir}/index.html has no </head> or </body>`);
  const manifestPath = path.join(distDir, ".vite/manifest.json");
  const manifest: Record<string, ManifestChunk> = existsSync(manifestPath)
    ? JSON.parse(readFileSync(manifestPath, "utf8"))
    : {};
  // What index.html loads already: its entry script and the entry's static imports.
  const loadedByEntry = new Set(chunksOf(manifest, ["index.html"]));
  const links = new Map<string, string>();
  const body = html.slice(headEnd, bodyEnd);
  const root = body.indexOf(EMPTY_ROOT);
  const rootStart = root + EMPTY_ROOT.length - "</div>".length;
  return {
    head: html.slice(0, headEnd),
    body,
    bodyWith: (markup) =>
      root < 0 || markup === "" ? body : `${body.slice(0, rootStart)}${markup}${body.slice(rootStart)}`,
    end: html.slice(bodyEnd),
    preloadLinks(modules) {
      const key = modules.join("\n");
      let tags = links.get(key);
      if (tags === undefined) {
        tags = chunksOf(
          manifest,
          modules.map((module) => manifestKey(manifest, module)),
        )
          .filter((chunk) => !loadedByEntry.has(chunk))
          .flatMap((chunk) => {
            const { file, css = [] } = manifest[chunk] as ManifestChunk;
            return [
              `<link rel="modulepreload" crossorigin href="/${file}">`,
              ...css.map((sheet) => `<link rel="stylesheet" crossorigin href="/${sheet}">`),
            ];
          })
          .join("\n    ");
        links.set(key, tags);
      }
      return tags;
    },
  };
}

/**
 * The manifest's key for `module`: its path from the web app's folder, except that Vite
 * writes a virtual module's id relative to the build's root ("../../virtual:…").
 */
function manifestKey(manifest: Record<string, ManifestChunk>, module: string): string {
  if (manifest[module]) return module;
  return Object.keys(manifest).find((key) => key.replace(/^(\.\.\/)+/, "") === module) ?? module;
}

/** The manifest keys of `roots` and of every chunk they import statically, each once, roots first. */
function chunksOf(manifest: Record<string, ManifestChunk>, roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  for (const root of roots) visit(root);
  return [...seen];
}
