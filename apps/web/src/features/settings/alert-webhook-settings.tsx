import type { FormEvent } from "react";
import { queryKeys } from "../../api/query-keys";
import { useResource } from "../../api/use-resource";
import { useT } from "../../i18n/use-t";
import { fetchAlertWebhook, saveAlertWebhook } from "./settings-api";
import { useSectionAction } from "./use-section-action";

/**
 * Where service level alerts are also POSTed (a chat bridge, an incident
 * tool), with the secret that signs them. Board admins only.
 */
export function AlertWebhookSettings({ boardId }: { boardId: string }) {
  const t = useT();
  const saved = useResource(queryKeys.alertWebhook(boardId), () => fetchAlertWebhook(boardId), {
    failureMessage: t("settings.loadFailed"),
  });
  const webhook = saved.data;
  const { busy, status, act } = useSectionAction(saved.error);

  function save(url: string | null) {
    return act(
      async () => saved.replace(await saveAlertWebhook(boardId, url)),
      t("settings.alertWebhook.done", { removed: url === null ? "yes" : "no" }),
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const url = String(new FormData(event.currentTarget).get("url") ?? "").trim();
    void save(url === "" ? null : url);
  }

  return (
    <section className="settings-section" aria-labelledby="alert-webhook-title">
      <h2 id="alert-webhook-title">{t("settings.alertWebhook.title")}</h2>
      <p className="hint">
        {t("settings.alertWebhook.hint", {
          header: <code>X-Tideway-Signature</code>,
          prefix: <code>sha256=</code>,
        })}
      </p>
      {status && (
        <p role="status" className="hint">
          {status}
        </p>
      )}
      {webhook && (
        <form className="pipeline-options" onSubmit={submit} aria-label={t("settings.alertWebhook.label")}>
          <label>
            {t("settings.alertWebhook.url")}{" "}
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
              {t("settings.alertWebhook.secret")}{" "}
              <code data-testid="alert-webhook-secret">{webhook.secret}</code>
            </p>
          )}
          <button type="submit" disabled={busy}>
            {t("settings.alertWebhook.save")}
          </button>
          {webhook.url && (
            <button type="button" disabled={busy} onClick={() => void save(null)}>
              {t("settings.remove")}
            </button>
          )}
        </form>
      )}
    </section>
  );
}
