import { type FormEvent, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError } from "../../api/api-request";
import { requestPasswordReset, resetPassword } from "./auth-api";
import { PasswordField } from "./sign-in-page";

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
  const [sent, setSent] = useState<string | null>(null);
  const { busy, error, submit } = useSubmit("The request failed. Try again.");
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    void submit(async () => setSent(await requestPasswordReset(email)));
  }
  return (
    <main className="sign-in">
      <form className="sign-in-form" aria-label="Reset your password" onSubmit={onSubmit}>
        <h1>Reset your password</h1>
        {sent ? (
          <p role="status">{sent}</p>
        ) : (
          <>
            <label>
              Email
              <input name="email" type="email" autoComplete="username" required />
            </label>
            <button type="submit" className="primary" disabled={busy}>
              Email me a link
            </button>
          </>
        )}
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <p className="hint">
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </form>
    </main>
  );
}

/** `/reset-password/:token`: the emailed link; a new password, then sign in with it. */
export function ResetPasswordPage() {
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const { busy, error, submit } = useSubmit("The password could not be changed. Try again.");
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    void submit(async () => {
      await resetPassword(token, password);
      await navigate("/sign-in?reset=1", { replace: true });
    });
  }
  return (
    <main className="sign-in">
      <form className="sign-in-form" aria-label="Choose a new password" onSubmit={onSubmit}>
        <h1>Choose a new password</h1>
        <PasswordField label="New password" choosing />
        <p className="hint">At least 12 characters, not easy to guess: a few unrelated words work well.</p>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          Set password
        </button>
      </form>
    </main>
  );
}
