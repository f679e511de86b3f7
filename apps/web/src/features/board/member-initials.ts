/**
 * A person's initials for the small owner badge: the first letters of their
 * first and last names ("Ada Lovelace" -> "AL"), or the first two letters of
 * a single name ("ada" -> "AD"). Letters, not bytes: "Émile Zola" -> "ÉZ".
 */
export function memberInitials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  if (!first) return "?";
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const letters = last ? [...first].slice(0, 1).concat([...last].slice(0, 1)) : [...first].slice(0, 2);
  return letters.join("").toUpperCase();
}
