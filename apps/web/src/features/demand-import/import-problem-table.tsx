import type { TDemandImportProblem } from "@tideway/contracts";
import { useT } from "../../i18n/use-t";

/** Every problem of a refused CSV import, one line each, in file order. */
export function ImportProblemTable({ problems }: { problems: readonly TDemandImportProblem[] }) {
  const t = useT();
  return (
    <table className="import-problems">
      <caption>{t("demandImport.problems")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("demandImport.problems.row")}</th>
          <th scope="col">{t("demandImport.problems.column")}</th>
          <th scope="col">{t("demandImport.problems.value")}</th>
          <th scope="col">{t("demandImport.problems.problem")}</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((problem) => (
          <tr key={`${problem.row}/${problem.column}/${problem.message}`}>
            <td>{problem.row}</td>
            <td>{problem.column}</td>
            <td>
              <code>{problem.value}</code>
            </td>
            <td>{problem.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
