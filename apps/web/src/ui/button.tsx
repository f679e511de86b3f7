import type { ButtonHTMLAttributes } from "react";

/**
 * The one button of dialogs and forms: `primary` for the action the form is
 * for, `danger` for what cannot be undone, `plain` for everything else. A
 * button is `type="button"` unless it says it submits, so a forgotten type
 * never submits a form by accident.
 */
export function Button({
  variant = "plain",
  type = "button",
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "plain" | "primary" | "danger" }) {
  const classes = [variant === "plain" ? null : variant, className].filter(Boolean).join(" ");
  return <button type={type} className={classes || undefined} {...props} />;
}
