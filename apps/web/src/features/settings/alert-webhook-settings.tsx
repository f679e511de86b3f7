import type { FormEvent } from "react";
import { queryKeys } from "../../api/query-keys";
import { useResource } from "../../api/use-resource";
import { fetchAlertWebhook, saveAlertWebhook } from "./settings-api";
import { useSectionAction } from "./use-section-action";

/**
 * Where service level alerts are also POSTed (a chat bridge, an incident
 * tool), with the secret that signs them. Board admins only.
 */
export function AlertWebhookSettings({ boardId }: { boardId: string }) {
  const saved = useResource(queryKeys.alertWebhook(boardId), () => fetchAlertWebhook(boardId), {
    failureMessage: "Could not load.",
  });
  const webhook = saved.data;
  const { busy, status, act } = useSectionAction(saved.error);

  function save(url: string | null) {
    return act(
      async () => saved.replace(await saveAlertWebhook(boardId, url)),
      url === null ? "Alert webhook removed." : "Alert webhook saved.",
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const url = String(new FormData(event.currentTarget).get("url") ?? "").trim();
    void save(url === "" ? null : url);
  }

  return (
    <section className="settings-section" aria-labelledby="alert-webhook-title">
      <h2 id="alert-webhook-title">Service level alerts</h2>
      <p className="hint">
        When a demand in progress passes the board's p50 or p85 delivery time, the board's admins are notified
        in the app. Give a URL to have each alert POSTed there too, as JSON signed with HMAC-SHA256 in the{" "}
        <code>X-Tideway-Signature</code> header (<code>sha256=</code> and the hex HMAC of the body).
      </p>
      {status && (
        <p role="status" className="hint">
          {status}
        </p>
      )}
      {webhook && (
        <form className="pipeline-options" onSubmit={submit} aria-label="Alert webhook">
          <label>
            Alert webhook URL{" "}
            <input
              name="url"
              type="url"
              placeholder="https://"
              defaultValue={webhook.url ?? ""}
              key={webhook.url}
            />
          </label>
          {webhook.secret && (
            <p>
              Signing secret: <code data-testid="alert-webhook-secret">{webhook.secret}</code>
            </p>
          )}
          <button type="submit" disabled={busy}>
            Save alert webhook
          </button>
          {webhook.url && (
            <button type="button" disabled={busy} onClick={() => void save(null)}>
              Remove
            </button>
          )}
        </form>
      )}
    </section>
  );
}
