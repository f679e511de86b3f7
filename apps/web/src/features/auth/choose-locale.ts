import { ApiError } from "../../api/api-request";
import { translate } from "../../i18n/intl";
import { useLocale } from "../../i18n/locale-store";
import type { UiLocale } from "../../i18n/messages";
import { PSEUDO_LOCALE } from "../../i18n/pseudo-locale-tag";
import { notify } from "../../ui/notice-stack";
import { updateMe } from "./auth-api";
import { useSession } from "./session-store";

/**
 * Switches the interface language at once, then keeps it on the account
 * (shipped languages only: the pseudo-locale is a developer's view of this
 * browser). A failed save leaves the language shown and says so.
 */
export async function chooseLocale(locale: UiLocale): Promise<void> {
  await useLocale.getState().show(locale);
  if (locale === PSEUDO_LOCALE || useSession.getState().status !== "signed-in") return;
  try {
    useSession.getState().replaceUser(await updateMe({ locale }));
  } catch (error) {
    const reason = error instanceof ApiError ? error.message : String(error);
    notify(translate("app.language.saveFailed", { reason }));
  }
}
