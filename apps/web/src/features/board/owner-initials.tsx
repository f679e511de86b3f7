import { memberInitials } from "./member-initials";
import "./card-record.css";

/**
 * A member's initials in a round badge. Alone (on a card) the full name is
 * its accessible name and tooltip; `decorative` when the name is written
 * next to it.
 */
export function OwnerInitials({ name, decorative = false }: { name: string; decorative?: boolean }) {
  if (decorative) {
    return (
      <span className="owner-initials" aria-hidden="true">
        {memberInitials(name)}
      </span>
    );
  }
  return (
    <span className="owner-initials" title={`Owner: ${name}`} role="img" aria-label={`Owner: ${name}`}>
      {memberInitials(name)}
    </span>
  );
}
