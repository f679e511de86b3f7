import { type FormEvent, useState } from "react";
import { useLocation } from "wouter";
import { ApiError } from "../../api/api-request";
import { useT } from "../../i18n/use-t";
import { importBoardFile } from "./board-export-api";
import { IssueList } from "./issue-list";

/** Recreates a board from a file made by "Export board", here or on another Tideway install. */
export function ImportBoardForm() {
  const [, navigate] = useLocation();
  const t = useT();
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
      navigate(`/boards/${result.boardId}`);
    } catch (caught) {
      setError(
        caught instanceof ApiError
          ? caught
          : new ApiError(0, { code: "IMPORT_FAILED", message: t("boardImport.failed") }),
      );
      setBusy(false);
    }
  }

  return (
    <form
      className="create-board"
      aria-label={t("boardImport.title")}
      onSubmit={(event) => void submit(event)}
    >
      <h2>{t("boardImport.title")}</h2>
      <p className="quiet-link">{t("boardImport.explanation")}</p>
      <div className="form-row">
        <label>
          {t("boardImport.file")}
          <input name="file" type="file" accept="application/json,.json" required />
        </label>
        <label>
          {t("boardImport.key")}
          <input name="key" pattern="[A-Za-z][A-Za-z0-9]{1,9}" title={t("boards.new.keyTitle")} size={8} />
        </label>
        <label>
          {t("boardImport.name")}
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
        {busy ? t("boardImport.submitting") : t("boardImport.title")}
      </button>
    </form>
  );
}
