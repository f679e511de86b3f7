import type { FormEvent } from "react";
import { queryKeys } from "../../api/query-keys";
import { useResource } from "../../api/use-resource";
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
  const pipeline = useResource(
    queryKeys.pipeline(boardId),
    async () => {
      const [secrets, view] = await Promise.all([
        fetchWebhookSecrets(boardId),
        fetchPipelineSettings(boardId),
      ]);
      return { secrets, settings: view.settings };
    },
    { failureMessage: "Could not load." },
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
      "Pipeline settings saved.",
    );
  }

  const active = secrets?.secrets.filter((secret) => secret.active) ?? [];
  return (
    <section className="settings-section" aria-labelledby="pipeline-settings-title">
      <h2 id="pipeline-settings-title">Delivery pipeline</h2>
      <p className="hint">
        Webhooks from GitHub, GitLab or any CI/CD tool measure the release lead time. Name a demand's key in a
        commit message or branch; see the README for each tool's set-up.
      </p>
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
            <dt>Generic</dt>
            <dd>
              <code>{new URL(secrets.endpoints.generic, window.location.origin).href}</code>
            </dd>
          </dl>
          <h3>Webhook secret</h3>
          {active.length === 0 && <p>No secret yet: webhooks are refused until you create one.</p>}
          <ul className="settings-list" aria-label="Accepted webhook secrets">
            {active.map((secret) => (
              <li key={secret.id} className="settings-item">
                <code data-testid="webhook-secret">{secret.secret}</code>{" "}
                <span className="hint">
                  {secret.revokedAt ? `accepted until ${formatInstant(secret.revokedAt)}` : "current"}
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
                active.length === 0
                  ? "Secret created."
                  : "New secret created; the previous one stays accepted for a day.",
              )
            }
          >
            {active.length === 0 ? "Create a secret" : "Rotate the secret"}
          </button>
        </>
      )}
      {settings && (
        <form className="pipeline-options" onSubmit={saveSettings} aria-label="Pipeline settings">
          <label className="check-row">
            <input type="checkbox" name="releaseMovesToDone" defaultChecked={settings.releaseMovesToDone} /> A
            production release moves the demands it ships to Done
          </label>
          <label>
            Production environments (comma-separated){" "}
            <input name="productionEnvironments" defaultValue={settings.productionEnvironments.join(", ")} />
          </label>
          <button type="submit" disabled={busy}>
            Save pipeline settings
          </button>
        </form>
      )}
    </section>
  );
}
