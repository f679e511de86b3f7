import { useState } from "react";
import { ApiError } from "../../api/api-request";
import { translate } from "../../i18n/intl";

/**
 * A settings section's own save or action: busy while it runs, then a status
 * line with what happened (or the server's refusal, as it words it). Until
 * something is done, the status is the section's load error, if any.
 */
export function useSectionAction(loadError: string | null) {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(action: () => Promise<unknown>, done: string): Promise<void> {
    setBusy(true);
    setMessage(null);
    try {
      await action();
      setMessage(done);
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : translate("settings.failed"));
    } finally {
      setBusy(false);
    }
  }

  return { busy, status: message ?? loadError, act };
}
