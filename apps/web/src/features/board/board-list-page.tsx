import { type FormEvent, useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import { ApiError } from "../../api/api-request";
import { useResource } from "../../api/use-resource";
import { ImportBoardForm } from "../board-export/import-board-form";
import { PortfolioList } from "../portfolio/portfolio-list";
import { createBoard, fetchBoards } from "./board-api";

/** The boards the signed-in person belongs to, and a form to start a new one. */
export function BoardListPage() {
  const list = useResource(["boards"], fetchBoards, { failureMessage: "Boards could not be loaded." });
  const boards = list.data;
  const failure = list.error;

  useEffect(() => {
    document.title = "Boards · Tideway";
  }, []);

  return (
    <main className="board-list-page">
      <h1>Boards</h1>
      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
      {list.status === "loading" && <p>Loading…</p>}
      {boards?.length === 0 && <p>You are not on any board yet. Start one below.</p>}
      {boards && boards.length > 0 && (
        <ul className="board-list">
          {boards.map((board) => (
            <li key={board.id}>
              <Link to={`/boards/${board.id}`}>
                <span className="board-key">{board.key}</span> {board.name}
              </Link>
              {board.role === "admin" && (
                <Link className="quiet-link" to={`/boards/${board.id}/settings`}>
                  Settings
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
  const navigate = useNavigate();
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
      await navigate(`/boards/${id}`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "The board could not be created.");
      setBusy(false);
    }
  }

  return (
    <form className="create-board" aria-label="New board" onSubmit={(event) => void submit(event)}>
      <h2>New board</h2>
      <div className="form-row">
        <label>
          Name
          <input name="name" required maxLength={100} />
        </label>
        <label>
          Key
          <input
            name="key"
            required
            pattern="[A-Za-z][A-Za-z0-9]{1,9}"
            title="2-10 letters or digits, e.g. PAY"
            size={8}
          />
        </label>
        <label>
          Start from
          <select name="template" defaultValue="2-1-1">
            <option value="2-1-1">2-1-1 value stream</option>
            <option value="empty">Empty board</option>
          </select>
        </label>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        Create board
      </button>
    </form>
  );
}
