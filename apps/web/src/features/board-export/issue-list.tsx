import { useT } from "../../i18n/use-t";

/** The first problems an error's `details.issues` names (`{ field, message }`), as a list. */
export function IssueList({ details, limit = 10 }: { details: unknown; limit?: number }) {
  const t = useT();
  const issues = (details as { issues?: { field?: unknown; message?: unknown }[] } | undefined)?.issues;
  if (!Array.isArray(issues) || issues.length < 2) return null;
  return (
    <ul className="form-error">
      {issues.slice(0, limit).map((issue, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a static list of messages, never reordered
        <li key={index}>
          {String(issue.field ?? "")}: {String(issue.message ?? "")}
        </li>
      ))}
      {issues.length > limit && <li>{t("issues.more", { count: issues.length - limit })}</li>}
    </ul>
  );
}
