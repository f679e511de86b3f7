import type { ReactNode } from "react";

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
  return (
    <span className="settings-actions">
      <button type="submit" className="primary" disabled={busy}>
        Save
      </button>
      {children}
      <button type="button" className="danger-quiet" disabled={busy} onClick={onRemove}>
        Remove
      </button>
    </span>
  );
}
