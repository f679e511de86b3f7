import type { ReactNode } from "react";
import { RawIntlProvider } from "react-intl";
import { currentIntl } from "./intl";
import { useLocale } from "./locale-store";

/**
 * Gives every component the current language. On a change the subtree is
 * remounted under the new language (`key`): values formatted outside
 * react-intl (durations, dates) and memoised ones are redrawn too, without a reload.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const locale = useLocale((s) => s.locale);
  return (
    <RawIntlProvider key={locale} value={currentIntl()}>
      {children}
    </RawIntlProvider>
  );
}
