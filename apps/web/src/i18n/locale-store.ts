import { LOCALES, type TLocale } from "@tideway/contracts";
import { create } from "zustand";
import { applyLocale, preferredLocale } from "./intl";
import type { UiLocale } from "./messages";
import { PSEUDO_LOCALE } from "./pseudo-locale";

// The last language this browser showed, so the sign-in page speaks it before anyone is signed in.
const REMEMBERED = "tideway.locale";

/** The languages the user menu offers: the pseudo-locale only in development builds. */
export const OFFERED_LOCALES: readonly UiLocale[] = import.meta.env?.DEV
  ? [...LOCALES, PSEUDO_LOCALE]
  : LOCALES;

function isUiLocale(value: unknown): value is UiLocale {
  return typeof value === "string" && (OFFERED_LOCALES as readonly string[]).includes(value);
}

function remembered(): UiLocale | null {
  try {
    const value = globalThis.localStorage?.getItem(REMEMBERED);
    return isUiLocale(value) ? value : null;
  } catch {
    return null;
  }
}

interface LocaleState {
  locale: UiLocale;
  /** Shows the app in `locale` at once (no reload) and remembers it in this browser. */
  show: (locale: UiLocale) => void;
  /** The account's saved language wins over the browser's; null (never chosen) keeps what is shown. */
  adoptAccountLocale: (locale: TLocale | null) => void;
}

function firstLocale(): UiLocale {
  return remembered() ?? preferredLocale();
}

export const useLocale = create<LocaleState>()((set, get) => ({
  locale: firstLocale(),
  show: (locale) => {
    if (locale === get().locale) return;
    applyLocale(locale);
    try {
      globalThis.localStorage?.setItem(REMEMBERED, locale);
    } catch {
      // Private mode: the account still keeps the choice.
    }
    set({ locale });
  },
  adoptAccountLocale: (locale) => {
    if (locale) get().show(locale);
  },
}));

applyLocale(useLocale.getState().locale);
