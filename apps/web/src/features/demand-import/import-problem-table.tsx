import type { TDemandImportProblem } from "@tideway/contracts";

/** Every problem of a refused CSV import, one line each, in file order. */
export function ImportProblemTable({ problems }: { problems: readonly TDemandImportProblem[] }) {
  return (
    <table className="import-problems">
      <caption>Problems found (nothing was imported)</caption>
      <thead>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">Column</th>
          <th scope="col">Value</th>
          <th scope="col">Problem</th>
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
