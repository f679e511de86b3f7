import { type FormEvent, useEffect, useState } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { ApiError } from "../../api/api-request";
import { useSession } from "./session-store";

/** Only same-site paths are followed after signing in, never another origin. */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

/** Signing in, or (at /sign-up) creating an account, which signs it in too. */
export function SignInPage({ mode = "sign-in" }: { mode?: "sign-in" | "sign-up" }) {
  const status = useSession((s) => s.status);
  const signIn = useSession((s) => s.signIn);
  const signUp = useSession((s) => s.signUp);
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
  const signingUp = mode === "sign-up";
  const elsewhere = `${signingUp ? "/sign-in" : "/sign-up"}${next === "/" ? "" : `?next=${encodeURIComponent(next)}`}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    const name = String(form.get("name") ?? "").trim();
    try {
      if (signingUp) await signUp({ email, password, ...(name ? { name } : {}) });
      else await signIn(email, password);
      await navigate(next, { replace: true });
    } catch (caught) {
      const failed = signingUp ? "Creating the account failed. Try again." : "Signing in failed. Try again.";
      setError(caught instanceof ApiError ? caught.message : failed);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form className="sign-in-form" onSubmit={(event) => void submit(event)}>
        <h1>{signingUp ? "Create your Tideway account" : "Sign in to Tideway"}</h1>
        {signingUp && (
          <label>
            Name
            <input name="name" autoComplete="name" maxLength={100} />
          </label>
        )}
        <label>
          Email
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete={signingUp ? "new-password" : "current-password"}
            minLength={signingUp ? 10 : undefined}
            required
          />
        </label>
        {signingUp && <p className="hint">At least 10 characters.</p>}
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {signingUp ? (busy ? "Creating…" : "Create account") : busy ? "Signing in…" : "Sign in"}
        </button>
        <p className="hint">
          {signingUp ? "Already have an account? " : "New to Tideway? "}
          <Link to={elsewhere}>{signingUp ? "Sign in" : "Create an account"}</Link>
        </p>
      </form>
    </main>
  );
}
