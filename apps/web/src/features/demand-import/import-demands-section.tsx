import type { TDemandImportProblem } from "@tideway/contracts";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../api/api-request";
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
        message: error instanceof ApiError ? error.message : "The file could not be imported.",
        problems: importProblemsOf(error),
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="settings-section" aria-labelledby="import-demands-title">
      <h2 id="import-demands-title">Import demands</h2>
      {outcome.kind === "imported" && (
        <p role="status">
          Imported {outcome.count} {outcome.count === 1 ? "demand" : "demands"}.
        </p>
      )}
      <button
        type="button"
        onClick={() => {
          setOutcome({ kind: "idle" });
          setOpen(true);
        }}
      >
        Import demands from CSV…
      </button>
      <ModalDialog open={open} title="Import demands from CSV" onClose={() => setOpen(false)}>
        <form className="import-demands" aria-label="Import demands" onSubmit={(event) => void submit(event)}>
          <p className="quiet-link">
            Columns: title (or Jira's Summary), type (Issue Type), size (Story Points), stage (Status), lane,
            createdAt (Created); Jira's Issue key, Labels and Priority are kept in the description. Each
            demand's history on this board starts now; work already past Design keeps no cycle time from
            before.
          </p>
          <label>
            CSV file
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
              {busy ? "Importing…" : "Import"}
            </button>
          </div>
        </form>
      </ModalDialog>
    </section>
  );
}
