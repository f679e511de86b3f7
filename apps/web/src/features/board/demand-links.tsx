import type { TDemand, TDemandLink } from "@tideway/contracts";
import { type FormEvent, useId, useState } from "react";
import { ApiError } from "../../api/api-request";
import { useT } from "../../i18n/use-t";
import { Button } from "../../ui/button";
import { TextField } from "../../ui/field";
import { FormError } from "../../ui/form-error";
import { updateDemand } from "./board-api";
import { useBoardStore } from "./board-store";

/**
 * The demand's documents, designs and pull requests (issue 18): titled
 * links, added, edited and removed here and saved at once. Only http(s)
 * addresses are accepted (the server refuses anything else with a 400 naming
 * the field), and a link opens in a new tab that gets no handle on this page.
 */
export function DemandLinks({ demand, editable }: { demand: TDemand; editable: boolean }) {
  const headingId = useId();
  const [editingIndex, setEditingIndex] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const t = useT();

  async function save(links: TDemandLink[]): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      const { demand: updated } = await updateDemand(demand.id, { links, expectedVersion: demand.version });
      useBoardStore.getState().applyDemand(updated);
      setEditingIndex(null);
      return true;
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t("links.failed"));
      return false;
    } finally {
      setBusy(false);
    }
  }
  const replaced = (index: number, link: TDemandLink) =>
    demand.links.map((current, at) => (at === index ? link : current));

  return (
    <section className="demand-links" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("links.heading")}</h3>
      {demand.links.length === 0 && <p className="quiet">{t("links.none")}</p>}
      <ul className="link-list">
        {demand.links.map((link, index) =>
          editingIndex === index ? (
            <li key={`${link.url} ${link.title}`}>
              <LinkForm
                link={link}
                submitLabel={t("links.save")}
                busy={busy}
                onSubmit={(edited) => save(replaced(index, edited))}
                onCancel={() => setEditingIndex(null)}
              />
            </li>
          ) : (
            <li key={`${link.url} ${link.title}`}>
              <a href={link.url} target="_blank" rel="noopener noreferrer">
                {link.title || link.url}
              </a>
              {editable && (
                <span className="link-actions">
                  <Button
                    disabled={busy}
                    aria-label={t("links.editLabel", { name: link.title || link.url })}
                    onClick={() => setEditingIndex(index)}
                  >
                    {t("links.edit")}
                  </Button>
                  <Button
                    disabled={busy}
                    aria-label={t("links.removeLabel", { name: link.title || link.url })}
                    onClick={() => void save(demand.links.filter((_, at) => at !== index))}
                  >
                    {t("links.remove")}
                  </Button>
                </span>
              )}
            </li>
          ),
        )}
      </ul>
      {editable && editingIndex === null && (
        <LinkForm
          submitLabel={t("links.add")}
          busy={busy}
          onSubmit={(added) => save([...demand.links, added])}
        />
      )}
      <FormError error={error} />
    </section>
  );
}

function LinkForm({
  link,
  submitLabel,
  busy,
  onSubmit,
  onCancel,
}: {
  link?: TDemandLink;
  submitLabel: string;
  busy: boolean;
  onSubmit: (link: TDemandLink) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const t = useT();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const saved = await onSubmit({
      title: String(form.get("title") ?? "").trim(),
      url: String(form.get("url") ?? "").trim(),
    });
    if (saved) formElement.reset();
  }
  return (
    <form className="link-form" onSubmit={(event) => void submit(event)}>
      <TextField label={t("links.title")} name="title" defaultValue={link?.title ?? ""} maxLength={200} />
      <TextField
        label={t("links.url")}
        name="url"
        type="url"
        defaultValue={link?.url ?? ""}
        required
        maxLength={2000}
      />
      <Button type="submit" disabled={busy}>
        {submitLabel}
      </Button>
      {onCancel && <Button onClick={onCancel}>{t("links.cancel")}</Button>}
    </form>
  );
}
