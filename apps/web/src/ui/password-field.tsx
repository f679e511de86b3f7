import { PASSWORD_MIN_LENGTH } from "@tideway/contracts";
import type { ReactNode } from "react";

/**
 * A labelled password box. `choosing` a new password asks the browser to
 * suggest one and states the minimum length; otherwise it offers the saved one.
 */
export function PasswordField({
  label,
  choosing,
  name = "password",
}: {
  label: ReactNode;
  choosing: boolean;
  name?: string;
}) {
  return (
    <label className="field">
      {label}
      <input
        name={name}
        type="password"
        autoComplete={choosing ? "new-password" : "current-password"}
        minLength={choosing ? PASSWORD_MIN_LENGTH : undefined}
        required
      />
    </label>
  );
}
