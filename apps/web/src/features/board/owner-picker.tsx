import type { TDemand } from "@tideway/contracts";
import { useId, useState } from "react";
import { ApiError } from "../../api/api-request";
import { useT } from "../../i18n/use-t";
import { FormError } from "../../ui/form-error";
import { updateDemand } from "./board-api";
import { useBoardStore } from "./board-store";
import { OwnerInitials } from "./owner-initials";

/**
 * Who owns the demand: one of the board's members, found by typing part of
 * their name. The change is saved at once (the server logs it in the card's
 * journey and tells everyone with the board open).
 */
export function OwnerPicker({ demand, editable }: { demand: TDemand; editable: boolean }) {
  const t = useT();
  const headingId = useId();
  const members = useBoardStore((s) => s.members);
  const [query, setQuery] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const owner = members.find((member) => member.userId === demand.ownerId);
  const wanted = query.trim().toLowerCase();
  const shown = members
    .filter((member) => member.name.toLowerCase().includes(wanted))
    .sort((a, b) => a.name.localeCompare(b.name));

  async function choose(ownerId: string | null) {
    if (ownerId === demand.ownerId) return;
    setBusy(true);
    setError(null);
    try {
      const { demand: updated } = await updateDemand(demand.id, { ownerId, expectedVersion: demand.version });
      useBoardStore.getState().applyDemand(updated);
      setQuery("");
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t("owner.changeFailed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="demand-owner" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("owner.title")}</h3>
      <p className="owner-now" data-testid="demand-owner">
        {owner ? <OwnerInitials name={owner.name} decorative /> : null}
        <span>{owner?.name ?? t("owner.nobody")}</span>
      </p>
      {editable && (
        <fieldset className="owner-choices" disabled={busy} aria-label={t("owner.choose")}>
          <label>
            {t("owner.find")}
            <input
              type="search"
              value={query}
              placeholder={t("owner.placeholder")}
              onChange={(event) => setQuery(event.currentTarget.value)}
            />
          </label>
          <ul className="owner-options">
            {wanted === "" && (
              <li>
                <button
                  type="button"
                  aria-pressed={demand.ownerId === null}
                  onClick={() => void choose(null)}
                >
                  {t("owner.nobody")}
                </button>
              </li>
            )}
            {shown.map((member) => (
              <li key={member.userId}>
                <button
                  type="button"
                  aria-pressed={member.userId === demand.ownerId}
                  onClick={() => void choose(member.userId)}
                >
                  <OwnerInitials name={member.name} decorative /> {member.name}
                </button>
              </li>
            ))}
            {shown.length === 0 && (
              <li className="owner-none">{t("owner.noMatch", { query: query.trim() })}</li>
            )}
          </ul>
        </fieldset>
      )}
      <FormError error={error} />
    </section>
  );
}
