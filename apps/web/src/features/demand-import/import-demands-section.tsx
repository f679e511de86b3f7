import type { TDemandImportProblem } from "@tideway/contracts";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../api/api-request";
import { useT } from "../../i18n/use-t";
import { ModalDialog } from "../../ui/modal-dialog";
import { importDemandsCsv, importProblemsOf } from "./demand-import-api";
import { ImportProblemTable } from "./import-problem-table";
import "./demand-import.css";

type Outcome =
  | { kind: "idle" }
  | { kind: "imported"; count: number }
  | { kind: "refused"; message: string; problems: TDemandImportProblem[] };

/**
 * Demands from a CSV file: Tideway's columns or a Jira export. All or
 * nothing: a refused file shows every problem by row, and changes nothing.
 */
export function ImportDemandsSection({ boardId }: { boardId: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("file");
    if (!(file instanceof File) || file.size === 0) return;
    setBusy(true);
    try {
      const result = await importDemandsCsv(boardId, file);
      setOutcome({ kind: "imported", count: result.imported });
      setOpen(false);
    } catch (error) {
      setOutcome({
        kind: "refused",
        message: error instanceof ApiError ? error.message : t("demandImport.failed"),
        problems: importProblemsOf(error),
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="settings-section" aria-labelledby="import-demands-title">
      <h2 id="import-demands-title">{t("demandImport.title")}</h2>
      {outcome.kind === "imported" && (
        <p role="status">{t("demandImport.imported", { count: outcome.count })}</p>
      )}
      <button
        type="button"
        onClick={() => {
          setOutcome({ kind: "idle" });
          setOpen(true);
        }}
      >
        {t("demandImport.open")}
      </button>
      <ModalDialog open={open} title={t("demandImport.dialogTitle")} onClose={() => setOpen(false)}>
        <form
          className="import-demands"
          aria-label={t("demandImport.title")}
          onSubmit={(event) => void submit(event)}
        >
          <p className="quiet-link">{t("demandImport.columns")}</p>
          <label>
            {t("demandImport.file")}
            <input name="file" type="file" accept=".csv,text/csv" required />
          </label>
          {outcome.kind === "refused" && (
            <div role="alert">
              <p className="form-error">{outcome.message}</p>
              {outcome.problems.length > 0 && <ImportProblemTable problems={outcome.problems} />}
            </div>
          )}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>
              {t("demandImport.submit", { busy: busy ? "yes" : "no" })}
            </button>
          </div>
        </form>
      </ModalDialog>
    </section>
  );
}
