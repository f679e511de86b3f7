import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { ApiError } from "../../api/api-request";
import { importBoardFile } from "./board-export-api";
import { IssueList } from "./issue-list";

/** Recreates a board from a file made by "Export board", here or on another Tideway install. */
export function ImportBoardForm() {
  const navigate = useNavigate();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return;
    setBusy(true);
    setError(null);
    try {
      const key = String(form.get("key") ?? "")
        .trim()
        .toUpperCase();
      const name = String(form.get("name") ?? "").trim();
      const result = await importBoardFile(file, { ...(key ? { key } : {}), ...(name ? { name } : {}) });
      await navigate(`/boards/${result.boardId}`);
    } catch (caught) {
      setError(
        caught instanceof ApiError
          ? caught
          : new ApiError(0, { code: "IMPORT_FAILED", message: "The board could not be imported." }),
      );
      setBusy(false);
    }
  }

  return (
    <form className="create-board" aria-label="Import board" onSubmit={(event) => void submit(event)}>
      <h2>Import board</h2>
      <p className="quiet-link">
        A file from "Export board" (board settings) becomes a new board with its whole history; you become its
        admin. Give a new key to import it next to the original.
      </p>
      <div className="form-row">
        <label>
          Export file
          <input name="file" type="file" accept="application/json,.json" required />
        </label>
        <label>
          New key (optional)
          <input
            name="key"
            pattern="[A-Za-z][A-Za-z0-9]{1,9}"
            title="2-10 letters or digits, e.g. PAY"
            size={8}
          />
        </label>
        <label>
          New name (optional)
          <input name="name" maxLength={100} />
        </label>
      </div>
      {error && (
        <div role="alert">
          <p className="form-error">{error.message}</p>
          <IssueList details={error.details} />
        </div>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? "Importing…" : "Import board"}
      </button>
    </form>
  );
}
