import type { ReactNode } from "react";
import { useT } from "../../i18n/use-t";

/** Save, (optionally) move, and Remove: the buttons every settings row ends with. */
export function SettingsRowActions({
  busy,
  onRemove,
  children,
}: {
  busy: boolean;
  onRemove: () => void;
  /** Extra controls between Save and Remove, such as reorder buttons. */
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <span className="settings-actions">
      <button type="submit" className="primary" disabled={busy}>
        {t("settings.save")}
      </button>
      {children}
      <button type="button" className="danger-quiet" disabled={busy} onClick={onRemove}>
        {t("settings.remove")}
      </button>
    </span>
  );
}
