import { ErrorCode, type TDemandImportProblem, type TDemandImportReport } from "@tideway/contracts";
import { AppError } from "../../errors/app-error";

/**
 * The refusal of a CSV import: every problem, with a first sentence naming
 * the first one so a person knows where to look.
 */
export function importProblems(problems: TDemandImportProblem[], rows: number): AppError {
  const first = problems[0];
  const badRows = new Set(problems.map((problem) => problem.row)).size;
  const where = first
    ? ` Row ${first.row}, ${first.column}${first.value ? ` "${first.value}"` : ""}: ${first.message}.`
    : "";
  const details: TDemandImportReport = { problems, rows };
  return new AppError(
    ErrorCode.VALIDATION_FAILED,
    `Nothing was imported: ${problems.length} ${problems.length === 1 ? "problem" : "problems"} in ${badRows} ${badRows === 1 ? "row" : "rows"}.${where}`,
    details,
  );
}
