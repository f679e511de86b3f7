import { PASSWORD_MIN_LENGTH } from "@tideway/contracts";
import { type FormEvent, useState } from "react";
import { Link, useLocation, useParams } from "wouter";
import { ApiError } from "../../api/api-request";
import { useT } from "../../i18n/use-t";
import { PasswordField } from "../../ui/password-field";
import { requestPasswordReset, resetPassword } from "./auth-api";

/** Hook for the two small forms below: busy while sending, the server's sentence on failure. */
function useSubmit(failed: string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : failed);
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, submit };
}

/** `/forgot-password`: asks for the email; the answer never says whether it has an account. */
export function ForgotPasswordPage() {
  const t = useT();
  // The server's answer is the same whatever the email; the page words it in the person's language.
  const [sent, setSent] = useState(false);
  const { busy, error, submit } = useSubmit(t("passwordReset.requestFailed"));
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    void submit(async () => {
      await requestPasswordReset(email);
      setSent(true);
    });
  }
  return (
    <main className="sign-in">
      <form className="sign-in-form" aria-label={t("passwordReset.title")} onSubmit={onSubmit}>
        <h1>{t("passwordReset.title")}</h1>
        {sent ? (
          <p role="status">{t("passwordReset.sent")}</p>
        ) : (
          <>
            <label>
              {t("signIn.email")}
              <input name="email" type="email" autoComplete="username" required />
            </label>
            <button type="submit" className="primary" disabled={busy}>
              {t("passwordReset.send")}
            </button>
          </>
        )}
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <p className="hint">
          <Link to="/sign-in">{t("passwordReset.back")}</Link>
        </p>
      </form>
    </main>
  );
}

/** `/reset-password/:token`: the emailed link; a new password, then sign in with it. */
export function ResetPasswordPage() {
  const t = useT();
  const { token = "" } = useParams();
  const [, navigate] = useLocation();
  const { busy, error, submit } = useSubmit(t("passwordReset.changeFailed"));
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    void submit(async () => {
      await resetPassword(token, password);
      navigate("/sign-in?reset=1", { replace: true });
    });
  }
  return (
    <main className="sign-in">
      <form className="sign-in-form" aria-label={t("passwordReset.choose")} onSubmit={onSubmit}>
        <h1>{t("passwordReset.choose")}</h1>
        <PasswordField label={t("passwordReset.newPassword")} choosing />
        <p className="hint">{t("passwordReset.hint", { count: PASSWORD_MIN_LENGTH })}</p>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t("passwordReset.set")}
        </button>
      </form>
    </main>
  );
}
