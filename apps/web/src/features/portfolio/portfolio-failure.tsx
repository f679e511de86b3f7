import { Link } from "wouter";
import { useT } from "../../i18n/use-t";

/** A portfolio that could not be loaded (gone, not yours, or the server unreachable), with a way back. */
export function PortfolioFailure({ message }: { message: string }) {
  const t = useT();
  return (
    <main className="page-message">
      <p role="alert">{message}</p>
      <Link to="/">{t("app.notFound.back")}</Link>
    </main>
  );
}
