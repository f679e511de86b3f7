/** An instant in the reader's own time zone and locale: "7 Dec 2026, 09:15". */
export function formatInstant(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}
