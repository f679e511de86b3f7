import { type FormEvent, useEffect, useState } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { ApiError } from "../../api/api-request";
import { useSession } from "./session-store";

/** Only same-site paths are followed after signing in, never another origin. */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function SignInPage() {
  const status = useSession((s) => s.status);
  const signIn = useSession((s) => s.signIn);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get("next"));
  const check = useSession((s) => s.check);

  useEffect(() => {
    // A visitor who already has a session goes straight on; an unreachable server shows on submit.
    if (status === "unknown") check().catch(() => undefined);
  }, [status, check]);

  if (status === "signed-in") return <Navigate to={next} replace />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await signIn(String(form.get("email") ?? ""), String(form.get("password") ?? ""));
      await navigate(next, { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Signing in failed. Try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form className="sign-in-form" onSubmit={(event) => void submit(event)}>
        <h1>Sign in to Tideway</h1>
        <label>
          Email
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
