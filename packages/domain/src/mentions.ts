/**
 * Which board members a comment mentions: `@` followed by a member's full
 * name, case-insensitive, not followed by another letter or digit ("@Ann
 * Lee," mentions Ann Lee; "@Ann Leeds" does not). Longer names are matched
 * first, so "@Ann Lee" mentions Ann Lee and not also a member called "Ann".
 * Each member is listed once, in the order of the members given; the author
 * is never notified of their own mention.
 *
 * Example: members Ann Lee, Ann, Bo; "@ann lee and @Bo: look" -> Ann Lee, Bo.
 */
export function mentionedMembers<M extends { userId: string; name: string }>(
  body: string,
  members: readonly M[],
  authorId: string | null,
): M[] {
  const text = body.toLowerCase();
  const longestFirst = [...members].sort((a, b) => b.name.length - a.name.length);
  const claimed: [start: number, end: number][] = [];
  const found = new Set<string>();
  for (const member of longestFirst) {
    const needle = `@${member.name.trim().toLowerCase()}`;
    if (needle.length < 2) continue;
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      const next = text.charAt(end);
      if (/[\p{L}\p{N}_]/u.test(next)) continue;
      if (claimed.some(([start, stop]) => at < stop && end > start)) continue;
      claimed.push([at, end]);
      found.add(member.userId);
    }
  }
  return members.filter((member) => found.has(member.userId) && member.userId !== authorId);
}
