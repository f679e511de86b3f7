import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import { ApiError } from "../../api/api-request";
import { useResource } from "../../api/use-resource";
import { FormError } from "../../ui/form-error";
import { createPortfolio, fetchPortfolios } from "./portfolio-api";

/** The portfolios the signed-in person belongs to, and a form to start one (on the board list page). */
export function PortfolioList() {
  const navigate = useNavigate();
  const list = useResource(["portfolios"], fetchPortfolios, {
    failureMessage: "Portfolios could not be loaded.",
  });
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    setError(null);
    try {
      const created = await createPortfolio({ name });
      await navigate(`/portfolios/${created.id}`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "The portfolio could not be created.");
    }
  }

  return (
    <section className="portfolio-list" aria-labelledby="portfolios-heading">
      <h2 id="portfolios-heading">Portfolios</h2>
      {list.error && <p role="alert">{list.error}</p>}
      {list.data && list.data.length > 0 && (
        <ul className="board-list">
          {list.data.map((portfolio) => (
            <li key={portfolio.id}>
              <Link to={`/portfolios/${portfolio.id}`}>{portfolio.name}</Link>
            </li>
          ))}
        </ul>
      )}
      <form className="create-portfolio" aria-label="New portfolio" onSubmit={(event) => void submit(event)}>
        <label>
          New portfolio
          <input name="name" required maxLength={100} placeholder="Retail banking" />
        </label>
        <button type="submit">Create portfolio</button>
        <FormError error={error} />
      </form>
    </section>
  );
}
