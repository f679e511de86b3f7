import type { TLocale } from "@tideway/contracts";
import en from "./en.json";
import { PSEUDO_LOCALE } from "./pseudo-locale-tag";

/** Every message id the app uses: the keys of the English catalogue, which every language must match. */
export type MessageId = keyof typeof en;

/** The languages people can pick: the shipped ones, and the pseudo-locale in development. */
export type UiLocale = TLocale | typeof PSEUDO_LOCALE;

type Catalogue = Record<string, string>;

/**
 * English ships with the first page; every other catalogue loads when someone
 * first shows it (a board in English does not download the Chinese one). The
 * return types make the compiler check that each catalogue has every message id.
 */
const LOADERS: Record<Exclude<UiLocale, "en">, () => Promise<Catalogue>> = {
  "zh-CN": () => import("./zh-CN.json").then((module): Record<MessageId, string> => module.default),
  [PSEUDO_LOCALE]: () => import("./pseudo-locale").then((module) => module.pseudoCatalogue(en)),
};

const loaded = new Map<UiLocale, Catalogue>([["en", en]]);
const loading = new Map<UiLocale, Promise<void>>();

/** Fetches `locale`'s catalogue once (a failed fetch is tried again next time); `catalogueOf` has it from then on. */
export function loadCatalogue(locale: UiLocale): Promise<void> {
  if (locale === "en" || loaded.has(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = LOADERS[locale]()
      .then((catalogue) => {
        loaded.set(locale, catalogue);
      })
      .finally(() => loading.delete(locale));
    loading.set(locale, pending);
  }
  return pending;
}

/** A loaded catalogue (`loadCatalogue` first); English until then. */
export function catalogueOf(locale: UiLocale): Catalogue {
  return loaded.get(locale) ?? en;
}
