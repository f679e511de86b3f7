import { PASSWORD_MIN_LENGTH } from "@tideway/contracts";
import { type FormEvent, useEffect, useState } from "react";
import { Link, useLocation, useParams } from "wouter";
import { ApiError } from "../../api/api-request";
import { queryKeys } from "../../api/query-keys";
import { useResource } from "../../api/use-resource";
import { useT } from "../../i18n/use-t";
import { PasswordField } from "../../ui/password-field";
import { acceptInvitation, fetchInvitation } from "./invitation-api";
import { useSession } from "./session-store";

/**
 * Where an invitation link lands (`/invitations/:token`): it names the board
 * and the invited email, then joins in one step. Signed in as that email:
 * one button. Not signed in: name and password create the account for the
 * invited email (or "sign in" first, coming back here afterwards).
 */
export function InvitationPage() {
  const t = useT();
  const { token = "" } = useParams();
  const [, navigate] = useLocation();
  const status = useSession((s) => s.status);
  const user = useSession((s) => s.user);
  const check = useSession((s) => s.check);
  const joined = useSession((s) => s.joined);
  const invitation = useResource(queryKeys.invitation(token), () => fetchInvitation(token), {
    failureMessage: t("invitation.loadFailed"),
  });
  const preview = invitation.data;
  const [joinError, setError] = useState<string | null>(null);
  const error = joinError ?? invitation.error;
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (status === "unknown") check().catch(() => undefined);
  }, [status, check]);

  async function accept(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "").trim();
    const password = form.get("password");
    setBusy(true);
    setError(null);
    try {
      const accepted = await acceptInvitation(
        token,
        status === "signed-in" ? null : { password: String(password ?? ""), ...(name ? { name } : {}) },
      );
      joined(accepted.user);
      navigate(`/boards/${accepted.boardId}`, { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t("invitation.joinFailed"));
    } finally {
      setBusy(false);
    }
  }

  const signedIn = status === "signed-in";
  return (
    <main className="sign-in">
      <form
        className="sign-in-form"
        aria-label={t("invitation.label")}
        onSubmit={(event) => void accept(event)}
      >
        <h1>
          {preview ? t("invitation.title", { board: preview.boardName }) : t("invitation.titleLoading")}
        </h1>
        {preview && (
          <p>
            {t("invitation.invited", {
              by: preview.invitedBy ?? t("invitation.someAdmin"),
              email: preview.email,
              role: preview.role,
              b: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
        )}
        {preview && signedIn && user?.email !== preview.email && (
          <p className="hint">
            {t("invitation.otherAccount", { email: user?.email ?? "", invited: preview.email })}
          </p>
        )}
        {preview && !signedIn && (
          <>
            <label>
              {t("signIn.name")}
              <input name="name" autoComplete="name" maxLength={100} />
            </label>
            <PasswordField label={t("signIn.password")} choosing />
            <p className="hint">{t("passwordReset.hint", { count: PASSWORD_MIN_LENGTH })}</p>
          </>
        )}
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        {preview && (
          <button type="submit" className="primary" disabled={busy}>
            {t("invitation.join", { signedIn: signedIn ? "yes" : "no" })}
          </button>
        )}
        {preview && !signedIn && (
          <p className="hint">
            {t("invitation.haveAccount", {
              link: (chunks) => (
                <Link to={`/sign-in?next=${encodeURIComponent(`/invitations/${token}`)}`}>{chunks}</Link>
              ),
            })}
          </p>
        )}
      </form>
    </main>
  );
}
