import { type WipStatus, wipStatus } from "./board-selectors";

const STATUS_WORDS: Record<WipStatus, string> = {
  unlimited: "",
  within: "",
  "at-limit": "at its limit",
  full: "full",
  over: "over its limit",
};

/** "3 / 5": demands against the WIP limit, with words (not only colour) when full or over. */
export function WipCount({
  count,
  limit,
  policy,
}: {
  count: number;
  limit: number | null;
  policy: "hard" | "soft";
}) {
  const status = wipStatus(count, limit, policy);
  const words = STATUS_WORDS[status];
  const title =
    limit === null
      ? `${count} demands, no WIP limit`
      : `${count} of a ${policy} WIP limit of ${limit}${words ? `, ${words}` : ""}`;
  return (
    <span className="wip-count" data-wip={status} title={title}>
      {limit === null ? count : `${count} / ${limit}`}
      {words && <span className="wip-words"> {words}</span>}
    </span>
  );
}
