import * as Popover from "@radix-ui/react-popover";
import type { TUser } from "@tideway/contracts";
import { Link, useLocation } from "wouter";
import { OFFERED_LOCALES, useLocale } from "../../i18n/locale-store";
import type { MessageId, UiLocale } from "../../i18n/messages";
import { useT } from "../../i18n/use-t";
import { chooseLocale } from "./choose-locale";
import { useSession } from "./session-store";

const LANGUAGE_NAMES: Record<UiLocale, MessageId> = {
  en: "app.language.en",
  "zh-CN": "app.language.zh-CN",
  "en-XA": "app.language.en-XA",
};

/** The signed-in person's name in the app bar; it opens their menu: interface language, their account and signing out. */
export function UserMenu({ user }: { user: TUser }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const signOut = useSession((s) => s.signOut);
  const [, navigate] = useLocation();

  async function leave() {
    await signOut();
    navigate("/sign-in");
  }

  return (
    <Popover.Root>
      <Popover.Trigger className="user-menu-button" aria-label={t("app.userMenu", { name: user.name })}>
        {user.name} ▾
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="user-menu popover-panel" align="end" sideOffset={6}>
          <fieldset className="user-menu-languages">
            <legend>{t("app.language")}</legend>
            {OFFERED_LOCALES.map((offered) => (
              <label key={offered} lang={offered === "en-XA" ? "en" : offered}>
                <input
                  type="radio"
                  name="interface-language"
                  value={offered}
                  checked={offered === locale}
                  onChange={() => void chooseLocale(offered)}
                />{" "}
                {t(LANGUAGE_NAMES[offered])}
              </label>
            ))}
          </fieldset>
          <Popover.Close asChild>
            <Link to="/account" className="user-menu-account">
              {t("app.account")}
            </Link>
          </Popover.Close>
          <button type="button" className="link-button" onClick={() => void leave()}>
            {t("app.signOut")}
          </button>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
