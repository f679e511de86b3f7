import { englishFirstPage, loaders } from "virtual:tideway-messages";
import type { TLocale } from "@tideway/contracts";
import type en from "./en.json";
import { PSEUDO_LOCALE } from "./pseudo-locale-tag";

/** Every message id the app uses: the keys of the English catalogue, which every language must match. */
export type MessageId = keyof typeof en;

/** The languages people can pick: the shipped ones, and the pseudo-locale in development. */
export type UiLocale = TLocale | typeof PSEUDO_LOCALE;

type Catalogue = Record<string, string>;

/** The part of each catalogue the first page shows (build/message-groups.ts). */
const FIRST_PAGE = "first-page";

/*
 * A catalogue comes in parts (docs/decisions/016): English's first-page part ships with the
 * first page; every other language's first-page part loads when someone first shows it (a
 * board in English does not download the Chinese one), and a page's own part loads with the
 * page (`withMessages`), in the language shown and in English. Development builds and tests
 * have one first-page part holding every message.
 */
function partLoader(locale: UiLocale, group: string): (() => Promise<Catalogue>) | undefined {
  if (locale === PSEUDO_LOCALE) {
    const english = group === FIRST_PAGE ? () => Promise.resolve(englishFirstPage) : partLoader("en", group);
    return (
      english &&
      (() =>
        Promise.all([english(), import("./pseudo-locale")]).then(([messages, pseudo]) =>
          pseudo.pseudoCatalogue(messages),
        ))
    );
  }
  const load = loaders[locale]?.[group];
  return load && (() => load().then((module) => module.default));
}

// One object per language, which its parts are added to: the intl instance built on it sees a
// page's messages as soon as they arrive, with no new instance and no re-render.
const catalogues = new Map<UiLocale, Catalogue>([["en", { ...englishFirstPage }]]);
const parts = new Map<string, Promise<void>>([[`en ${FIRST_PAGE}`, Promise.resolve()]]);
/** The languages whose first-page part is here. */
const ready = new Set<UiLocale>(["en"]);
/** The languages asked for so far: a page loaded later brings its messages in each. */
const wanted = new Set<UiLocale>(["en"]);
/** The pages' message groups loaded so far: a language shown later loads them too. */
const pageGroups = new Set<string>();

/** Fetches one part once (a failed fetch is tried again next time). */
function loadPart(locale: UiLocale, group: string): Promise<void> {
  const key = `${locale} ${group}`;
  let pending = parts.get(key);
  if (!pending) {
    const load = partLoader(locale, group);
    pending = (load ? load() : Promise.resolve({})).then(
      (messages) => {
        const catalogue = catalogues.get(locale) ?? {};
        catalogues.set(locale, Object.assign(catalogue, messages));
      },
      (error: unknown) => {
        parts.delete(key);
        throw error;
      },
    );
    parts.set(key, pending);
  }
  return pending;
}

/**
 * Fetches `locale`'s first-page messages and those of every page loaded so far, once;
 * `catalogueOf` has them from then on. A page loaded meanwhile is waited for too.
 */
export async function loadCatalogue(locale: UiLocale): Promise<void> {
  wanted.add(locale);
  let groups: string[];
  do {
    groups = [FIRST_PAGE, ...pageGroups];
    await Promise.all(groups.map((group) => loadPart(locale, group)));
  } while (groups.length < 1 + pageGroups.size);
  ready.add(locale);
}

/**
 * Fetches a page's messages in the language shown and in English (the CSV files' language),
 * and in the other languages asked for, so a switch finds them; resolves when the shown
 * language's and English's are here.
 */
export function loadMessageGroup(group: string, shown: UiLocale): Promise<void> {
  pageGroups.add(group);
  for (const locale of wanted)
    if (locale !== shown && locale !== "en") loadPart(locale, group).catch(() => undefined);
  return Promise.all([loadPart(shown, group), loadPart("en", group)]).then(() => undefined);
}

/** A loaded catalogue (`loadCatalogue` first); English until then. */
export function catalogueOf(locale: UiLocale): Catalogue {
  return (ready.has(locale) && catalogues.get(locale)) || (catalogues.get("en") ?? englishFirstPage);
}
