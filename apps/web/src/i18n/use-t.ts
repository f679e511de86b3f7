import type { ReactNode } from "react";
import { useIntl } from "react-intl";
import type { MessageId } from "./messages";

type RichValues = Record<string, string | number | Date | ReactNode | ((chunks: ReactNode[]) => ReactNode)>;

/**
 * The current language's messages for a component: `t("board.title")`,
 * `t("board.cards", { count })` (ICU plurals), and rich text whose tags
 * render as elements: `t("report.goal", { b: (chunks) => <strong>{chunks}</strong> })`.
 */
export function useT() {
  const intl = useIntl();
  function t(id: MessageId, values?: Record<string, string | number | Date | null | undefined>): string;
  function t(id: MessageId, values: RichValues): ReactNode;
  function t(id: MessageId, values?: RichValues): ReactNode {
    return intl.formatMessage({ id }, values as Parameters<typeof intl.formatMessage>[1]);
  }
  return t;
}
