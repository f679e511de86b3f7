/**
 * The development pseudo-locale's tag (its catalogue: pseudo-locale.ts, loaded only when
 * shown, with the message parser it needs).
 */
export const PSEUDO_LOCALE = "en-XA";
