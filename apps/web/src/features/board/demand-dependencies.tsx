import type { TDemand, TDependency } from "@tideway/contracts";
import { parseDemandKey } from "@tideway/domain";
import { type FormEvent, useId, useState } from "react";
import { ApiError } from "../../api/api-request";
import { queryClient } from "../../api/query-client";
import { queryKeys } from "../../api/query-keys";
import { useT } from "../../i18n/use-t";
import { Button } from "../../ui/button";
import { TextField } from "../../ui/field";
import { FormError } from "../../ui/form-error";
import { fetchBoard, fetchBoards } from "./board-api";
import { selectDependencies } from "./board-selectors";
import { useBoardStore } from "./board-store";
import { addDependency, removeDependency } from "./dependency-api";
import { useDependencyName } from "./waiting-on";

/**
 * What the demand waits on (issue 18): any demand on a board the viewer is
 * on, found by its key. One that is still open shows on the card as
 * "Waiting on PAY-12"; one on a board the viewer is not on is named only as
 * "a demand on another board".
 */
export function DemandDependencies({ demand, editable }: { demand: TDemand; editable: boolean }) {
  const headingId = useId();
  const listId = useId();
  const dependencies = useBoardStore(selectDependencies(demand.id));
  const boardDemands = useBoardStore((s) => s.demands);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const t = useT();
  const dependencyName = useDependencyName();

  async function change(run: () => Promise<{ dependencies: TDependency[] }>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      const { dependencies: now } = await run();
      useBoardStore.getState().setDependenciesOf(demand.id, now);
      return true;
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t("dependencies.failed"));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const typed = String(new FormData(formElement).get("key") ?? "");
    const parsed = parseDemandKey(typed);
    if (!parsed) {
      setError(t("dependencies.notAKey"));
      return;
    }
    const key = `${parsed.boardKey}-${parsed.number}`;
    const dependsOnId = await demandIdOfKey(parsed).catch(() => null);
    if (!dependsOnId) {
      setError(t("dependencies.notFound", { key }));
      return;
    }
    if (await change(() => addDependency(demand.id, dependsOnId))) formElement.reset();
  }

  return (
    <section className="demand-dependencies" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("dependencies.heading")}</h3>
      {dependencies.length === 0 ? (
        <p className="quiet">{t("dependencies.none")}</p>
      ) : (
        <ul className="dependency-list">
          {dependencies.map((dependency) => (
            <li key={dependency.dependsOnId} data-open={dependency.open}>
              <span className="dependency-name">
                <strong>{dependencyName(dependency)}</strong>
                {dependency.title && ` ${dependency.title}`}
              </span>
              <span className="dependency-state">
                {t(dependency.open ? "dependencies.open" : "dependencies.closed")}
              </span>
              {editable && (
                <Button
                  disabled={busy}
                  aria-label={t("dependencies.removeLabel", { name: dependencyName(dependency) })}
                  onClick={() => void change(() => removeDependency(demand.id, dependency.dependsOnId))}
                >
                  {t("dependencies.remove")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form className="dependency-add" onSubmit={(event) => void add(event)}>
          <TextField
            label={t("dependencies.keyLabel")}
            name="key"
            list={listId}
            required
            placeholder={t("dependencies.keyHint")}
            autoComplete="off"
          />
          <datalist id={listId}>
            {Object.values(boardDemands)
              .filter((other) => other.id !== demand.id)
              .map((other) => (
                <option key={other.id} value={other.key}>
                  {other.title}
                </option>
              ))}
          </datalist>
          <Button type="submit" disabled={busy}>
            {t("dependencies.add")}
          </Button>
        </form>
      )}
      <FormError error={error} />
    </section>
  );
}

/** The id of the demand with this key, on the open board or another board the viewer is on. */
async function demandIdOfKey(key: { boardKey: string; number: number }): Promise<string | null> {
  const here = useBoardStore.getState();
  const onBoard = (demands: Iterable<TDemand>) => {
    for (const candidate of demands) if (candidate.number === key.number) return candidate.id;
    return null;
  };
  if (here.key === key.boardKey) return onBoard(Object.values(here.demands));
  const boards = await queryClient.fetchQuery({ queryKey: queryKeys.boardList(), queryFn: fetchBoards });
  const board = boards.find((summary) => summary.key === key.boardKey);
  if (!board) return null;
  const other = await queryClient.fetchQuery({
    queryKey: queryKeys.boardSnapshot(board.id),
    queryFn: () => fetchBoard(board.id),
  });
  return onBoard(other.demands);
}
