import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

/** A labelled text input: the label wraps the control, so it names it for screen readers and tests alike. */
export function TextField({ label, ...input }: InputHTMLAttributes<HTMLInputElement> & { label: ReactNode }) {
  return (
    <label className="field">
      {label}
      <input {...input} />
    </label>
  );
}

/** A labelled select with its options. */
export function SelectField({
  label,
  options,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: ReactNode;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <label className="field">
      {label}
      <select {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
