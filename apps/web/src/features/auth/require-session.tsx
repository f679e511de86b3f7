import { type ReactNode, useEffect, useState } from "react";
import { Redirect } from "wouter";
import { translate } from "../../i18n/intl";
import { useAddressBar } from "../../routing";
import { useSession } from "./session-store";

/** Renders the signed-in part of the app, or sends the visitor to sign in and back. */
export function RequireSession({ children }: { children: ReactNode }) {
  const status = useSession((s) => s.status);
  const check = useSession((s) => s.check);
  const { pathname: path, search } = useAddressBar();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (status === "unknown") {
      check().catch(() => setFailure(translate("app.unreachable")));
    }
  }, [status, check]);

  if (status === "signed-out") {
    return <Redirect to={`/sign-in?next=${encodeURIComponent(path + search)}`} replace />;
  }
  if (status === "unknown") {
    return failure ? (
      <p role="alert" className="page-message">
        {failure}
      </p>
    ) : (
      <p className="page-message">Loading…</p>
    );
  }
  return children;
}
