import { useEffect, useState } from "react";
import { Navigate, Outlet, useLocation } from "react-router";
import { translate } from "../../i18n/intl";
import { useSession } from "./session-store";

/** Renders the signed-in part of the app, or sends the visitor to sign in and back. */
export function RequireSession() {
  const status = useSession((s) => s.status);
  const check = useSession((s) => s.check);
  const location = useLocation();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (status === "unknown") {
      check().catch(() => setFailure(translate("app.unreachable")));
    }
  }, [status, check]);

  if (status === "signed-out") {
    const next = location.pathname + location.search;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
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
  return <Outlet />;
}
