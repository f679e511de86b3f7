import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { LOCALES } from "@tideway/contracts";
import { createIntl } from "react-intl";
import { describe, expect, it } from "vitest";
import { quotedIds, sourceFiles, withoutComments } from "../../build/message-groups.ts";
import { pseudoMessage } from "./pseudo-locale";

/**
 * The shipped languages against the code (issue #22): every message id the
 * code names exists in every language, every id a language file holds is
 * named somewhere in the code, and each translation is valid ICU with the
 * same placeholders as the English.
 */
const I18N_DIR = fileURLToPath(new URL(".", import.meta.url));
const SOURCE_DIR = join(I18N_DIR, "..");

const catalogues = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    JSON.parse(readFileSync(join(I18N_DIR, `${locale}.json`), "utf8")) as Record<string, string>,
  ]),
);
const english = catalogues.en ?? {};

const code = sourceFiles(SOURCE_DIR).map((path) => withoutComments(readFileSync(path, "utf8")));

/**
 * The message ids the code names: the quoted ids in the first argument of a
 * `t(...)`, `translate(...)` or `tableText(...)` call (a ternary between two ids counts both),
 * and the values of tables typed with `MessageId` (`Record<Code, MessageId>`).
 * TypeScript checks them against English; this checks every language.
 */
const namedInCode = [
  ...new Set(
    code.flatMap((text) => [
      ...[...text.matchAll(/\b(?:t|translate|tableText)\(\s*([^,{)]*)/g)].flatMap((match) =>
        quotedIds(match[1] ?? ""),
      ),
      ...[...text.matchAll(/MessageId[^=;]*=\s*([{[][\s\S]*?\n[}\]];)/g)].flatMap((match) =>
        [...(match[1] ?? "").matchAll(/:\s*("[^"]+")/g)].flatMap((value) => quotedIds(value[1] ?? "")),
      ),
    ]),
  ),
];
/** Every quoted string in the code: an id that appears nowhere is unused. */
const quoted = new Set(code.flatMap(quotedIds));

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      into.add(`<${element.value}>`);
      argumentsOf(element.children, into);
      continue;
    }
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

describe("message catalogues", () => {
  it.each(LOCALES)("%s has every message id the code names", (locale) => {
    const missing = namedInCode.filter((id) => !(id in (catalogues[locale] ?? {})));
    expect(missing, `missing from ${locale}.json`).toEqual([]);
  });

  it.each(LOCALES)("%s has no message id the code does not name", (locale) => {
    const unused = Object.keys(catalogues[locale] ?? {}).filter((id) => !quoted.has(id));
    expect(unused, `unused in ${locale}.json`).toEqual([]);
  });

  it.each(LOCALES)(
    "%s holds the same ids as English, each valid ICU with English's placeholders",
    (locale) => {
      const catalogue = catalogues[locale] ?? {};
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(english).sort());
      for (const [id, message] of Object.entries(catalogue)) {
        const placeholders = [...argumentsOf(parse(message))].sort();
        expect(placeholders, `${locale} ${id}`).toEqual([...argumentsOf(parse(english[id] ?? ""))].sort());
      }
    },
  );
});

describe("the pseudo-locale", () => {
  it("accents the words, pads them by about 30% and keeps placeholders and plurals working", () => {
    expect(pseudoMessage("Sign in")).toBe("[Šîĝñ îñ ···]");
    const message = pseudoMessage("{count, plural, one {# card} other {# cards}} in {stage}");
    const intl = createIntl({ locale: "en", messages: { message } });
    expect(intl.formatMessage({ id: "message" }, { count: 2, stage: "Dev" })).toBe(
      "[2 çàŕđš îñ Dev ·················]",
    );
  });
});
