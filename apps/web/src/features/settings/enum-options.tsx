/** One `<option>` per value of an enum (stage kinds, roles, boundaries), each worded by `label`. */
export function EnumOptions<T extends string>(props: { values: readonly T[]; label: (value: T) => string }) {
  return props.values.map((value) => (
    <option key={value} value={value}>
      {props.label(value)}
    </option>
  ));
}
