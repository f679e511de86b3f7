import { PASSWORD_MIN_LENGTH, type TSignInOptions } from "@tideway/contracts";
import { type FormEvent, useEffect, useState } from "react";
import { Link, Redirect, useLocation } from "wouter";
import { ApiError } from "../../api/api-request";
import { errorCodeSentence } from "../../i18n/api-error-sentence";
import type { MessageId } from "../../i18n/messages";
import { useT } from "../../i18n/use-t";
import { useSearchParams } from "../../routing";
import { PasswordField } from "../../ui/password-field";
import { fetchSignInOptions } from "./auth-api";
import { useSession } from "./session-store";

/** Only same-site paths are followed after signing in, never another origin. */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

/** What differs between signing in and creating an account. */
const MODES: Record<
  "sign-in" | "sign-up",
  {
    title: MessageId;
    submit: MessageId;
    submitting: MessageId;
    failed: MessageId;
    other: { path: string; prompt: MessageId };
  }
> = {
  "sign-in": {
    title: "signIn.title",
    submit: "signIn.submit",
    submitting: "signIn.submitting",
    failed: "signIn.failed",
    other: { path: "/sign-up", prompt: "signIn.newHere" },
  },
  "sign-up": {
    title: "signUp.title",
    submit: "signUp.submit",
    submitting: "signUp.submitting",
    failed: "signUp.failed",
    other: { path: "/sign-in", prompt: "signUp.haveAccount" },
  },
};

/** Signing in, or (at /sign-up) creating an account, which signs it in too. */
export function SignInPage({ mode = "sign-in" }: { mode?: "sign-in" | "sign-up" }) {
  const status = useSession((s) => s.status);
  const signIn = useSession((s) => s.signIn);
  const signUp = useSession((s) => s.signUp);
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmEmail, setConfirmEmail] = useState<string | null>(null);
  const next = safeNext(params.get("next"));
  const check = useSession((s) => s.check);
  const t = useT();
  const [options, setOptions] = useState<TSignInOptions | null>(null);
  // A refusal that arrived in the address (single sign-on's callback sends `?error=<code>`), until the next try.
  const [arrivedError, setArrivedError] = useState(params.get("error"));
  const provider = options?.oidc?.providerName ?? null;

  useEffect(() => {
    fetchSignInOptions()
      .then(setOptions)
      .catch(() => setOptions(null));
  }, []);

  useEffect(() => {
    // A visitor who already has a session goes straight on; an unreachable server shows on submit.
    if (status === "unknown") check().catch(() => undefined);
  }, [status, check]);

  if (status === "signed-in") return <Redirect to={next} replace />;
  const signingUp = mode === "sign-up";
  const text = MODES[mode];
  const elsewhere = `${text.other.path}${next === "/" ? "" : `?next=${encodeURIComponent(next)}`}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    setArrivedError(null);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    const name = String(form.get("name") ?? "").trim();
    try {
      if (signingUp) {
        const pending = await signUp({ email, password, ...(name ? { name } : {}) });
        if (pending) {
          setConfirmEmail(pending.confirmEmail);
          return;
        }
      } else await signIn(email, password);
      navigate(next, { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t(text.failed));
    } finally {
      setBusy(false);
    }
  }

  // How a newcomer gets in when the sign-up page would refuse them (SIGNUP=invite or closed).
  const newcomerHint =
    options && options.signUp !== "open"
      ? t(options.signUp === "invite" ? "signIn.inviteOnly" : "signIn.signUpClosed")
      : null;
  const otherPrompt = (
    <p className="hint">{t(text.other.prompt, { link: (chunks) => <Link to={elsewhere}>{chunks}</Link> })}</p>
  );

  if (signingUp && newcomerHint) {
    return (
      <main className="sign-in">
        <section className="sign-in-form">
          <h1>{t(text.title)}</h1>
          <p>{newcomerHint}</p>
          {otherPrompt}
        </section>
      </main>
    );
  }

  if (confirmEmail) {
    return (
      <main className="sign-in">
        <section className="sign-in-form">
          <h1>{t("signUp.checkEmail")}</h1>
          <p role="status">{confirmEmail}</p>
        </section>
      </main>
    );
  }

  return (
    <main className="sign-in">
      <form className="sign-in-form" onSubmit={(event) => void submit(event)}>
        <h1>{t(text.title)}</h1>
        {signingUp && (
          <label>
            {t("signIn.name")}
            <input name="name" autoComplete="name" maxLength={100} />
          </label>
        )}
        <label>
          {t("signIn.email")}
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <PasswordField label={t("signIn.password")} choosing={signingUp} />
        {signingUp && <p className="hint">{t("signUp.passwordHint", { count: PASSWORD_MIN_LENGTH })}</p>}
        {!signingUp && params.get("reset") === "1" && <p role="status">{t("signIn.passwordWasReset")}</p>}
        {!signingUp && (
          <p className="hint">
            <Link to="/forgot-password">{t("signIn.forgotPassword")}</Link>
          </p>
        )}
        {(error || arrivedError) && (
          <p role="alert" className="form-error">
            {error ?? errorCodeSentence(arrivedError ?? "", text.failed)}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t(text.submitting) : t(text.submit)}
        </button>
        {provider && !signingUp && (
          <>
            <p className="hint">{t("signIn.or")}</p>
            {/* A full-page visit: the server redirects to the provider, which sends the browser back. */}
            <a className="button-link" href="/api/auth/oidc/start">
              {t("signIn.withProvider", { provider })}
            </a>
          </>
        )}
        {(signingUp || options?.signUp === "open") && otherPrompt}
        {newcomerHint && <p className="hint">{newcomerHint}</p>}
      </form>
    </main>
  );
}
