/**
 * Finds the demand keys of one board (`PAY-42` for board key PAY) in free
 * text: commit messages, branch names, pull- and merge-request titles.
 * Case-insensitive (`pay-42` in `feature/pay-42-login` counts), and only as a
 * whole word: letters and digits on either side break the match
 * (`XPAY-42`, `PAY-421`, `PAY-42a` name nothing), while `/`, `-`, `_`, `.`,
 * brackets and spaces separate words, as branch names use them.
 * Returns keys in their canonical form (`PAY-42`), each once, in order found.
 */
export function findDemandKeys(boardKey: string, texts: readonly (string | null | undefined)[]): string[] {
  const pattern = new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(boardKey)}-0*(\\d{1,9})(?![A-Za-z0-9])`, "gi");
  const found = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const match of text.matchAll(pattern)) {
      const number = Number(match[1]);
      if (number > 0) found.add(`${boardKey.toUpperCase()}-${number}`);
    }
  }
  return [...found];
}

/** The demand number in a canonical key of this board (`PAY-42` -> 42). */
export function demandNumber(key: string): number {
  return Number(key.slice(key.lastIndexOf("-") + 1));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Reads a demand key a person typed ("ops-12", " PAY-042 ") as a board key
 * and a number; null when it is not one (board keys are 2-10 letters or
 * digits starting with a letter, as boards are created).
 *
 * Example: " ops-012 " -> { boardKey: "OPS", number: 12 }; "OPS12" -> null.
 */
export function parseDemandKey(typed: string): { boardKey: string; number: number } | null {
  const match = /^([A-Za-z][A-Za-z0-9]{1,9})-0*(\d{1,9})$/.exec(typed.trim());
  if (!match) return null;
  const number = Number(match[2]);
  return number > 0 ? { boardKey: (match[1] as string).toUpperCase(), number } : null;
}
