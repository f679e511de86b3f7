import { LOCALES, type TLocale } from "@tideway/contracts";
import { create } from "../ui/create-store";
import { applyLocale, preferredLocale } from "./intl";
import { loadCatalogue, type UiLocale } from "./messages";
import { PSEUDO_LOCALE } from "./pseudo-locale-tag";

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
  show: (locale: UiLocale) => Promise<void>;
  /** The account's saved language wins over the browser's; null (never chosen) keeps what is shown. */
  adoptAccountLocale: (locale: TLocale | null) => void;
}

function firstLocale(): UiLocale {
  return remembered() ?? preferredLocale();
}

// The language asked for last: a slower catalogue arriving after a later choice is not shown.
let requested: UiLocale | null = null;

export const useLocale = create<LocaleState>()((set, get) => ({
  locale: "en",
  show: (locale) => {
    requested = locale;
    return loadCatalogue(locale).then(
      () => {
        if (requested !== locale || locale === get().locale) return;
        applyLocale(locale);
        try {
          globalThis.localStorage?.setItem(REMEMBERED, locale);
        } catch {
          // Private mode: the account still keeps the choice.
        }
        set({ locale });
      },
      // The catalogue did not arrive (offline, a new release's file names): the page stays in
      // the language it shows, which is readable, and the next choice tries again.
      () => undefined,
    );
  },
  adoptAccountLocale: (locale) => {
    if (locale) void get().show(locale);
  },
}));

/**
 * The account's language when the page says who is signed in, else the browser's (the
 * remembered one, else its preference), with its catalogue loaded: main.tsx waits for it
 * before the first render, so a page never flashes English first. English is there at once.
 */
export async function showFirstLocale(accountLocale: TLocale | null = null): Promise<void> {
  const first = accountLocale ?? firstLocale();
  if (first !== "en") await useLocale.getState().show(first);
}

applyLocale("en");
