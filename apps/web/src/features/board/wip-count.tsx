import type { MessageId } from "../../i18n/messages";
import { useT } from "../../i18n/use-t";
import { type WipStatus, wipStatus } from "./board-selectors";

const STATUS_WORDS: Record<WipStatus, MessageId | null> = {
  unlimited: null,
  within: null,
  "at-limit": "wip.atLimit",
  full: "wip.full",
  over: "wip.over",
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
  const t = useT();
  const status = wipStatus(count, limit, policy);
  const wordsId = STATUS_WORDS[status];
  const words = wordsId ? t(wordsId) : "";
  const title =
    limit === null
      ? t("wip.unlimitedTitle", { count })
      : words
        ? t("wip.titleWithStatus", { count, policy, limit, status: words })
        : t("wip.title", { count, policy, limit });

  return (
    <span className="wip-count" data-wip={status} title={title}>
      {limit === null ? count : `${count} / ${limit}`}
      {words && <span className="wip-words"> {words}</span>}
    </span>
  );
}
