import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/*
 * Which messages a page brings with it (docs/decisions/016). A production build splits every
 * catalogue by where its ids are used: the ids the board's first page can reach ship with it
 * ("first-page"), and a page loaded through `withMessages("<group>", () => import(...))` in
 * the source brings the ids only its own code names. The split follows the import graph, so
 * an id lands with every piece of code that can show it; a page the scan does not recognise
 * makes its ids first-page ones (a larger first load, never a raw key on screen).
 */

/** The messages every page may need: they ship with the first page. */
export const FIRST_PAGE = "first-page";

/** Comments name ids in examples ("board.title"): only code counts. */
export function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
}

/** Quoted strings shaped like message ids: dotted names ("board.title", "error.NOT_FOUND"). */
export function quotedIds(text: string): string[] {
  return [...text.matchAll(/"([A-Za-z][\w-]*(?:\.[\w-]+)+)"/g)].map((match) => match[1] ?? "");
}

/** The app's source files (tests left out), as absolute paths. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

interface SourceFile {
  ids: string[];
  /** Files this one loads with it (static imports) or later (dynamic imports that bring no messages). */
  loads: string[];
  /** Pages loaded with their own messages: `withMessages("group", () => import("./page"))`. */
  pages: { group: string; file: string }[];
}

const PAGE_WITH_MESSAGES = /withMessages\(\s*"([\w-]+)"\s*,\s*\(\)\s*=>\s*import\(\s*"([^"]+)"\s*\)/g;
// `import type` brings no code; everything else that names a module does.
const STATIC_IMPORT = /\b(?:import(?!\s+type\b)|export)\s[^;]*?\bfrom\s*"([^"]+)"/g;
const DYNAMIC_IMPORT = /\bimport\(\s*"([^"]+)"\s*\)/g;

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

function readSource(file: string): SourceFile {
  const code = withoutComments(readFileSync(file, "utf8"));
  const resolved = (specifiers: Iterable<RegExpMatchArray>) =>
    [...specifiers].flatMap((match) => resolveImport(file, match[1] ?? "") ?? []);
  const pages = [...code.matchAll(PAGE_WITH_MESSAGES)].flatMap((match) => {
    const page = resolveImport(file, match[2] ?? "");
    return page ? [{ group: match[1] ?? "", file: page }] : [];
  });
  const pageFiles = new Set(pages.map((page) => page.file));
  return {
    ids: quotedIds(code),
    loads: [
      ...resolved(code.matchAll(STATIC_IMPORT)),
      ...resolved(code.matchAll(DYNAMIC_IMPORT)).filter((loaded) => !pageFiles.has(loaded)),
    ],
    pages,
  };
}

/**
 * Each message group and the ids it holds: `first-page` has every id that code reachable from
 * `entry` without passing a `withMessages` page names; each page group has the ids its page's
 * code names that the first page does not have. Ids no code names stay with the first page.
 */
export function messageGroups(
  sourceDir: string,
  entry: string,
  ids: readonly string[],
): Map<string, Set<string>> {
  const sources = new Map(sourceFiles(path.resolve(sourceDir)).map((file) => [file, readSource(file)]));
  function reach(start: string[]): { files: Set<string>; pages: { group: string; file: string }[] } {
    const files = new Set<string>();
    const pages: { group: string; file: string }[] = [];
    const queue = [...start];
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      const source = sources.get(file);
      if (files.has(file) || !source) continue;
      files.add(file);
      queue.push(...source.loads);
      pages.push(...source.pages);
    }
    return { files, pages };
  }
  const idsNamedIn = (files: Iterable<string>) =>
    new Set([...files].flatMap((file) => sources.get(file)?.ids ?? []));

  const firstPage = reach([path.resolve(entry)]);
  const firstPageIds = idsNamedIn(firstPage.files);
  const groups = new Map<string, Set<string>>();
  const pagesOf = new Map<string, string[]>();
  for (const page of firstPage.pages)
    pagesOf.set(page.group, [...(pagesOf.get(page.group) ?? []), page.file]);
  const known = new Set(ids);
  for (const [group, files] of pagesOf) {
    const named = idsNamedIn(reach(files).files);
    groups.set(group, new Set([...named].filter((id) => known.has(id) && !firstPageIds.has(id))));
  }
  const inAPage = new Set([...groups.values()].flatMap((group) => [...group]));
  groups.set(FIRST_PAGE, new Set(ids.filter((id) => firstPageIds.has(id) || !inAPage.has(id))));
  return groups;
}
