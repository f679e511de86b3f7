import type { TLocale } from "@tideway/contracts";
import en from "./en.json";
import { PSEUDO_LOCALE, pseudoCatalogue } from "./pseudo-locale";
import zhCN from "./zh-CN.json";

/** Every message id the app uses: the keys of the English catalogue, which every language must match. */
export type MessageId = keyof typeof en;

/** The languages people can pick: the shipped ones, and the pseudo-locale in development. */
export type UiLocale = TLocale | typeof PSEUDO_LOCALE;

export const SHIPPED_CATALOGUES: Record<TLocale, Record<MessageId, string>> = { en, "zh-CN": zhCN };

let pseudo: Record<string, string> | null = null;

export function catalogueOf(locale: UiLocale): Record<string, string> {
  if (locale !== PSEUDO_LOCALE) return SHIPPED_CATALOGUES[locale];
  pseudo ??= pseudoCatalogue(en);
  return pseudo;
}
