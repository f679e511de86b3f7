import { z } from "zod";

const NUL = "\u0000";

/**
 * What a person reads when text holds the NUL character, which PostgreSQL
 * cannot store in text or jsonb: the same sentence whether a contract or the
 * API's last-line check (apps/api/src/plugins/storable-input.ts) finds it.
 */
export const NUL_REFUSAL = "must not contain the NUL character (\\u0000); remove it and send again";

/** Whether PostgreSQL can store `text` (it holds no NUL). */
export function isStorableText(text: string): boolean {
  return !text.includes(NUL);
}

/**
 * Text that PostgreSQL can store, as a zod string to chain more checks on:
 * the one refinement every text a client sends goes through.
 */
export const ZStorableText = () => z.string().refine(isStorableText, NUL_REFUSAL);
