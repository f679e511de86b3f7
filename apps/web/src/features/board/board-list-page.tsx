import { type FormEvent, useEffect, useState } from "react";
import { Link, useLocation } from "wouter";
import { ApiError } from "../../api/api-request";
import { queryKeys } from "../../api/query-keys";
import { useResource } from "../../api/use-resource";
import { useT } from "../../i18n/use-t";
import { ImportBoardForm } from "../board-export/import-board-form";
import { PortfolioList } from "../portfolio/portfolio-list";
import { createBoard, fetchBoards } from "./board-api";

/** The boards the signed-in person belongs to, and a form to start a new one. */
export function BoardListPage() {
  const t = useT();
  const list = useResource(queryKeys.boardList(), fetchBoards, { failureMessage: t("boards.loadFailed") });
  const boards = list.data;
  const failure = list.error;
  const documentTitle = t("boards.documentTitle");

  useEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);

  return (
    <main className="board-list-page">
      <h1>{t("boards.title")}</h1>
      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
      {list.status === "loading" && <p>{t("app.loading")}</p>}
      {boards?.length === 0 && <p>{t("boards.none")}</p>}
      {boards && boards.length > 0 && (
        <ul className="board-list">
          {boards.map((board) => (
            <li key={board.id}>
              <Link to={`/boards/${board.id}`}>
                <span className="board-key">{board.key}</span> {board.name}
              </Link>
              {board.role === "admin" && (
                <Link className="quiet-link" to={`/boards/${board.id}/settings`}>
                  {t("boards.settings")}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
      <CreateBoardForm />
      <PortfolioList />
      <ImportBoardForm />
    </main>
  );
}

function CreateBoardForm() {
  const [, navigate] = useLocation();
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const id = await createBoard({
        name: String(form.get("name") ?? ""),
        key: String(form.get("key") ?? "").toUpperCase(),
        template: form.get("template") === "empty" ? "empty" : "2-1-1",
      });
      navigate(`/boards/${id}`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t("boards.new.failed"));
      setBusy(false);
    }
  }

  return (
    <form className="create-board" aria-label={t("boards.new")} onSubmit={(event) => void submit(event)}>
      <h2>{t("boards.new")}</h2>
      <div className="form-row">
        <label>
          {t("boards.new.name")}
          <input name="name" required maxLength={100} />
        </label>
        <label>
          {t("boards.new.key")}
          <input
            name="key"
            required
            pattern="[A-Za-z][A-Za-z0-9]{1,9}"
            title={t("boards.new.keyTitle")}
            size={8}
          />
        </label>
        <label>
          {t("boards.new.template")}
          <select name="template" defaultValue="2-1-1">
            <option value="2-1-1">{t("boards.new.template.211")}</option>
            <option value="empty">{t("boards.new.template.empty")}</option>
          </select>
        </label>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {t("boards.new.submit")}
      </button>
    </form>
  );
}
