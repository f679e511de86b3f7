import { useState } from "react";
import { useLocation, useParams } from "wouter";
import { ApiError } from "../../api/api-request";
import { useT } from "../../i18n/use-t";
import { Button } from "../../ui/button";
import { FormError } from "../../ui/form-error";
import { confirmSignUp } from "./auth-api";
import { useSession } from "./session-store";

/**
 * `/confirm-sign-up/:token`: the link a sign-up emailed. The account is made
 * by pressing the button, not by opening the page, so a mail scanner that
 * follows links does not use the link up.
 */
export function ConfirmSignUpPage() {
  const { token = "" } = useParams();
  const [, navigate] = useLocation();
  const joined = useSession((s) => s.joined);
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      joined(await confirmSignUp(token));
      navigate("/", { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t("signUp.failed"));
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <section className="sign-in-form">
        <h1>{t("signUp.confirmTitle")}</h1>
        <p>{t("signUp.confirmExplain")}</p>
        <FormError error={error} />
        <Button variant="primary" disabled={busy} onClick={() => void confirm()}>
          {busy ? t("signUp.submitting") : t("signUp.confirmSubmit")}
        </Button>
      </section>
    </main>
  );
}
