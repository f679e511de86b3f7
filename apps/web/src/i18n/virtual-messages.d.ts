/** The catalogues in parts (vite.config.ts `messageCatalogues`, docs/decisions/016). */
declare module "virtual:tideway-messages" {
  /** English's messages for the first page: every page's messages in development and tests. */
  export const englishFirstPage: Record<string, string>;
  /** Per language, per message group ("first-page" or a page's), its messages on demand. */
  export const loaders: Record<string, Record<string, () => Promise<{ default: Record<string, string> }>>>;
}
