import { LOCALES, type TLocale } from "@tideway/contracts";
import { createIntl, createIntlCache, type IntlConfig, type IntlShape, ReactIntlErrorCode } from "react-intl";
import { setFormatLocale } from "../ui/format";
import { catalogueOf, type MessageId, type UiLocale } from "./messages";
import { PSEUDO_LOCALE } from "./pseudo-locale-tag";

/**
 * The one react-intl instance: components read it through `useT()` (the
 * provider re-renders them on a change), stores and plain functions through
 * `translate()`. A language change swaps it whole, with the format module's
 * locale and `<html lang>`.
 */
const cache = createIntlCache();
let current: IntlShape = build("en");
let currentLocale: UiLocale = "en";

function build(locale: UiLocale): IntlShape {
  return intlFor(locale === PSEUDO_LOCALE ? "en" : locale, catalogueOf(locale));
}

/**
 * react-intl's `createIntl` checks the browser's data for a locale with
 * `Intl.NumberFormat.supportedLocalesOf` and `Intl.DateTimeFormat.supportedLocalesOf`, whose
 * first calls list every locale the engine has: about 100 ms of the main thread before the
 * first page can render, 240 ms in Chromium on a loaded 2-core machine (issue 19). Our
 * languages are in every browser, so the locale goes in as the default, which skips the
 * check; the "locale not configured" notice that path raises is the one error left unsaid.
 */
function intlFor(locale: string, messages: ReturnType<typeof catalogueOf>): IntlShape {
  return createIntl({ locale: "", defaultLocale: locale, messages, onError: reportIntlError }, cache);
}

function reportIntlError(error: Parameters<NonNullable<IntlConfig["onError"]>>[0]): void {
  if (error.code === ReactIntlErrorCode.INVALID_CONFIG) return;
  // As react-intl's own handler: missing messages and bad values are a developer's to see.
  if (import.meta.env?.DEV) console.error(error);
}

export function currentIntl(): IntlShape {
  return current;
}

/** The interface language shown now. */
export function activeLocale(): UiLocale {
  return currentLocale;
}

export function applyLocale(locale: UiLocale, preferred: readonly string[] = browserLanguages()): IntlShape {
  current = build(locale);
  currentLocale = locale;
  setFormatLocale(formattingLocale(locale, preferred));
  if (typeof document !== "undefined") document.documentElement.lang = locale;
  return current;
}

export type MessageValues = Record<string, string | number | Date | null | undefined>;

/** A message in the current language, for code outside React (stores, notices, plain functions). */
export function translate(id: MessageId, values?: MessageValues): string {
  return current.formatMessage({ id }, values);
}

// Files keep one language whatever the interface speaks: CSV headers are the English catalogue's words.
const english = intlFor("en", catalogueOf("en"));

/** A message in English whatever the interface language: for machine formats such as CSV headers. */
export function translateToEnglish(id: MessageId, values?: MessageValues): string {
  return english.formatMessage({ id }, values);
}

function browserLanguages(): readonly string[] {
  return typeof navigator === "undefined" ? [] : navigator.languages;
}

/** The shipped language closest to the browser's preferences ("zh", "zh-Hans-CN" → zh-CN); English otherwise. */
export function preferredLocale(preferred: readonly string[] = browserLanguages()): TLocale {
  for (const tag of preferred) {
    const language = tag.toLowerCase().split("-")[0];
    const match = LOCALES.find((locale) => locale.toLowerCase().split("-")[0] === language);
    if (match) return match;
  }
  return "en";
}

/**
 * Dates and numbers follow the interface language, in the browser's own
 * region when it speaks that language: an English interface in Britain writes
 * "7 Nov 2026", in the US "Nov 7, 2026".
 */
export function formattingLocale(locale: UiLocale, preferred: readonly string[]): string {
  if (locale === PSEUDO_LOCALE) return "en";
  const language = locale.split("-")[0] ?? locale;
  return preferred.find((tag) => tag.split("-")[0] === language && tag.includes("-")) ?? locale;
}
