import { PASSWORD_MIN_LENGTH } from "@tideway/contracts";
import { type FormEvent, useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError } from "../../api/api-request";
import { queryKeys } from "../../api/query-keys";
import { useResource } from "../../api/use-resource";
import { acceptInvitation, fetchInvitation } from "./invitation-api";
import { useSession } from "./session-store";
import { PasswordField } from "./sign-in-page";

/**
 * Where an invitation link lands (`/invitations/:token`): it names the board
 * and the invited email, then joins in one step. Signed in as that email:
 * one button. Not signed in: name and password create the account for the
 * invited email (or "sign in" first, coming back here afterwards).
 */
export function InvitationPage() {
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const status = useSession((s) => s.status);
  const user = useSession((s) => s.user);
  const check = useSession((s) => s.check);
  const joined = useSession((s) => s.joined);
  const invitation = useResource(queryKeys.invitation(token), () => fetchInvitation(token), {
    failureMessage: "The invitation could not be loaded.",
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
      await navigate(`/boards/${accepted.boardId}`, { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Joining failed. Try again.");
    } finally {
      setBusy(false);
    }
  }

  const signedIn = status === "signed-in";
  return (
    <main className="sign-in">
      <form
        className="sign-in-form"
        aria-label="Accept the invitation"
        onSubmit={(event) => void accept(event)}
      >
        <h1>{preview ? `Join ${preview.boardName}` : "Invitation"}</h1>
        {preview && (
          <p>
            {preview.invitedBy ?? "A board admin"} invited <strong>{preview.email}</strong> as {preview.role}.
          </p>
        )}
        {preview && signedIn && user?.email !== preview.email && (
          <p className="hint">
            You are signed in as {user?.email}; the invitation is for {preview.email}.
          </p>
        )}
        {preview && !signedIn && (
          <>
            <label>
              Name
              <input name="name" autoComplete="name" maxLength={100} />
            </label>
            <PasswordField label="Password" choosing />
            <p className="hint">
              At least {PASSWORD_MIN_LENGTH} characters, not easy to guess: a few unrelated words work well.
            </p>
          </>
        )}
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        {preview && (
          <button type="submit" className="primary" disabled={busy}>
            {signedIn ? "Join the board" : "Create account and join"}
          </button>
        )}
        {preview && !signedIn && (
          <p className="hint">
            Already have an account?{" "}
            <Link to={`/sign-in?next=${encodeURIComponent(`/invitations/${token}`)}`}>Sign in</Link> to join
            with it.
          </p>
        )}
      </form>
    </main>
  );
}
