import { ZAlertWebhookSettings } from "@tideway/contracts";

/** The board's outgoing SLE alert webhook, kept in `Board.settings.alertWebhook`. */
export interface AlertWebhookTarget {
  url: string;
  secret: string;
}

/** The configured webhook, or null when none is set or the stored value is unreadable. */
export function readAlertWebhook(settings: unknown): AlertWebhookTarget | null {
  const stored = (settings as { alertWebhook?: unknown } | null)?.alertWebhook;
  const parsed = ZAlertWebhookSettings.safeParse(stored);
  if (!parsed.success || parsed.data.url === null || parsed.data.secret === null) return null;
  return { url: parsed.data.url, secret: parsed.data.secret };
}
