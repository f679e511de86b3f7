import { Link } from "react-router";

/** A portfolio that could not be loaded (gone, not yours, or the server unreachable), with a way back. */
export function PortfolioFailure({ message }: { message: string }) {
  return (
    <main className="page-message">
      <p role="alert">{message}</p>
      <Link to="/">Back to your boards</Link>
    </main>
  );
}
