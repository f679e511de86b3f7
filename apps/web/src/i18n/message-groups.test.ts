import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { FIRST_PAGE, messageGroups } from "../../build/message-groups.ts";

/**
 * How a production build splits the catalogues (docs/decisions/016): an id ships with the
 * first page when code the first page can reach names it, and otherwise with each page
 * (`withMessages`) whose code names it.
 */
const sourceDir = mkdtempSync(join(tmpdir(), "tideway-message-groups-"));
afterAll(() => rmSync(sourceDir, { recursive: true, force: true }));

function writeSource(files: Record<string, string>): void {
  for (const [name, code] of Object.entries(files)) {
    mkdirSync(join(sourceDir, name, ".."), { recursive: true });
    writeFileSync(join(sourceDir, name), code);
  }
}

const sorted = (ids: Set<string> | undefined) => [...(ids ?? [])].sort();

describe("message groups", () => {
  writeSource({
    "main.tsx": [
      'import { Bar } from "./bar";',
      'import type { Shape } from "./pages/shapes";',
      'const Dialog = lazy(() => import("./dialog"));',
      'const Report = lazy(() => withMessages("report", () => import("./pages/report")));',
      "const Chart = lazy(() =>",
      '  withMessages(\n    "chart",\n    () => import("./pages/chart"),\n  ).then((module) => module),',
      ");",
      '// t("page.inAComment") names nothing',
      'export const title = t("bar.title");',
    ].join("\n"),
    "bar.tsx": 'export function Bar() { return t("bar.label"); }',
    "dialog.tsx": 'export const words = [t("dialog.title"), t("shared.word")];',
    "pages/report.tsx":
      'import { Table } from "./table";\nexport const words = [t("report.title"), t("bar.label")];',
    "pages/chart.tsx": 'import { Table } from "./table";\nexport const words = t("chart.title");',
    "pages/table.tsx": 'export const Table = () => [t("table.column"), t("shared.word")];',
    "pages/shapes.ts": 'export const shapes = ["shape.round"];',
  });
  const ids = [
    "bar.title",
    "bar.label",
    "dialog.title",
    "shared.word",
    "report.title",
    "chart.title",
    "table.column",
    "shape.round",
    "page.inAComment",
  ];
  const groups = messageGroups(sourceDir, join(sourceDir, "main.tsx"), ids);

  it("ships with the first page what its code and what it loads without messages name", () => {
    expect(sorted(groups.get(FIRST_PAGE))).toEqual(
      // What no code reaches stays with the first page too: a larger first load, never a raw id.
      ["bar.label", "bar.title", "dialog.title", "page.inAComment", "shape.round", "shared.word"],
    );
  });

  it("gives each page the ids only its code names, shared ones to each page", () => {
    expect(sorted(groups.get("report"))).toEqual(["report.title", "table.column"]);
    expect(sorted(groups.get("chart"))).toEqual(["chart.title", "table.column"]);
  });

  it("splits the app's catalogue: the board's first page carries none of the dashboard's or settings' words", () => {
    const appSource = fileURLToPath(new URL("..", import.meta.url));
    const english = JSON.parse(readFileSync(join(appSource, "i18n", "en.json"), "utf8")) as Record<
      string,
      string
    >;
    const app = messageGroups(appSource, join(appSource, "main.tsx"), Object.keys(english));
    const firstPage = app.get(FIRST_PAGE);
    expect(firstPage?.has("board.dashboard")).toBe(true);
    expect(firstPage?.has("dashboard.title")).toBe(false);
    expect(app.get("dashboard")?.has("dashboard.title")).toBe(true);
    expect(firstPage?.has("settings.stages.title")).toBe(false);
    expect(app.get("settings")?.has("settings.stages.title")).toBe(true);
    // Every id is somewhere.
    const grouped = new Set([...app.values()].flatMap((group) => [...group]));
    expect(Object.keys(english).filter((id) => !grouped.has(id))).toEqual([]);
  });
});
