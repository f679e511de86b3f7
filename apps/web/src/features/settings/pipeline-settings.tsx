import type { FormEvent } from "react";
import { queryKeys } from "../../api/query-keys";
import { useResource } from "../../api/use-resource";
import { useT } from "../../i18n/use-t";
import { formatInstant } from "../../ui/format";
import {
  changePipelineSettings,
  fetchPipelineSettings,
  fetchWebhookSecrets,
  rotateWebhookSecret,
} from "./pipeline-api";
import { useSectionAction } from "./use-section-action";

/**
 * Board admins connect the delivery pipeline here: the webhook addresses, the
 * secret that signs them (rotated with a grace period for the old one), and
 * whether a production release moves its demands to Done.
 */
export function PipelineSettings({ boardId }: { boardId: string }) {
  const t = useT();
  const pipeline = useResource(
    queryKeys.pipeline(boardId),
    async () => {
      const [secrets, view] = await Promise.all([
        fetchWebhookSecrets(boardId),
        fetchPipelineSettings(boardId),
      ]);
      return { secrets, settings: view.settings };
    },
    { failureMessage: t("settings.loadFailed") },
  );
  const { secrets, settings } = pipeline.data ?? {};
  const section = useSectionAction(pipeline.error);
  const { busy, status } = section;

  /** An action, then the section loaded again to show its effect. */
  function act(action: () => Promise<unknown>, done: string) {
    return section.act(async () => {
      await action();
      await pipeline.reload();
    }, done);
  }

  function saveSettings(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const environments = String(form.get("productionEnvironments") ?? "")
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean);
    void act(
      () =>
        changePipelineSettings(boardId, {
          releaseMovesToDone: form.get("releaseMovesToDone") === "on",
          productionEnvironments: environments,
        }),
      t("settings.pipeline.saved"),
    );
  }

  const active = secrets?.secrets.filter((secret) => secret.active) ?? [];
  return (
    <section className="settings-section" aria-labelledby="pipeline-settings-title">
      <h2 id="pipeline-settings-title">{t("code.title")}</h2>
      <p className="hint">{t("settings.pipeline.hint")}</p>
      {status && (
        <p role="status" className="hint">
          {status}
        </p>
      )}
      {secrets && (
        <>
          <dl className="pipeline-endpoints">
            <dt>GitHub</dt>
            <dd>
              <code>{new URL(secrets.endpoints.github, window.location.origin).href}</code>
            </dd>
            <dt>GitLab</dt>
            <dd>
              <code>{new URL(secrets.endpoints.gitlab, window.location.origin).href}</code>
            </dd>
            <dt>{t("settings.pipeline.generic")}</dt>
            <dd>
              <code>{new URL(secrets.endpoints.generic, window.location.origin).href}</code>
            </dd>
          </dl>
          <h3>{t("settings.pipeline.secret")}</h3>
          {active.length === 0 && <p>{t("settings.pipeline.noSecret")}</p>}
          <ul className="settings-list" aria-label={t("settings.pipeline.secrets")}>
            {active.map((secret) => (
              <li key={secret.id} className="settings-item">
                <code data-testid="webhook-secret">{secret.secret}</code>{" "}
                <span className="hint">
                  {secret.revokedAt
                    ? t("settings.pipeline.acceptedUntil", { time: formatInstant(secret.revokedAt) })
                    : t("settings.pipeline.current")}
                </span>
              </li>
            ))}
          </ul>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void act(
                () => rotateWebhookSecret(boardId, null),
                t("settings.pipeline.secretCreated", { first: active.length === 0 ? "yes" : "no" }),
              )
            }
          >
            {t("settings.pipeline.createSecret", { first: active.length === 0 ? "yes" : "no" })}
          </button>
        </>
      )}
      {settings && (
        <form className="pipeline-options" onSubmit={saveSettings} aria-label={t("settings.pipeline.label")}>
          <label className="check-row">
            <input type="checkbox" name="releaseMovesToDone" defaultChecked={settings.releaseMovesToDone} />{" "}
            {t("settings.pipeline.releaseMovesToDone")}
          </label>
          <label>
            {t("settings.pipeline.environments")}{" "}
            <input name="productionEnvironments" defaultValue={settings.productionEnvironments.join(", ")} />
          </label>
          <button type="submit" disabled={busy}>
            {t("settings.pipeline.save")}
          </button>
        </form>
      )}
    </section>
  );
}
