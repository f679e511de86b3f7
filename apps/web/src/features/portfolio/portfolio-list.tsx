import { type FormEvent, useState } from "react";
import { Link, useLocation } from "wouter";
import { ApiError } from "../../api/api-request";
import { queryKeys } from "../../api/query-keys";
import { useResource } from "../../api/use-resource";
import { useT } from "../../i18n/use-t";
import { FormError } from "../../ui/form-error";
import { createPortfolio, fetchPortfolios } from "./portfolio-api";

/** The portfolios the signed-in person belongs to, and a form to start one (on the board list page). */
export function PortfolioList() {
  const [, navigate] = useLocation();
  const t = useT();
  const list = useResource(queryKeys.portfolioList(), fetchPortfolios, {
    failureMessage: t("portfolios.loadFailed"),
  });
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    setError(null);
    try {
      const created = await createPortfolio({ name });
      navigate(`/portfolios/${created.id}`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t("portfolios.createFailed"));
    }
  }

  return (
    <section className="portfolio-list" aria-labelledby="portfolios-heading">
      <h2 id="portfolios-heading">{t("portfolios.title")}</h2>
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
      <form
        className="create-portfolio"
        aria-label={t("portfolios.new")}
        onSubmit={(event) => void submit(event)}
      >
        <label>
          {t("portfolios.new")}
          <input name="name" required maxLength={100} placeholder={t("portfolios.new.placeholder")} />
        </label>
        <button type="submit" className="primary">
          {t("portfolios.new.submit")}
        </button>

        <FormError error={error} />
      </form>
    </section>
  );
}
