import { LOCALES, type TLocale } from "@tideway/contracts";
import { renderToString } from "react-dom/server";
import { type FirstAnswers, serveFirstAnswers } from "./api/first-answers";
import { createQueryClient } from "./api/query-client";
import { preloadFirstPages } from "./app";
import { userServedThePage } from "./features/auth/auth-api";
import { useSession } from "./features/auth/session-store";
import { useBoardStore } from "./features/board/board-store";
import { adoptFirstPage, firstPageOf } from "./first-page";
import { applyLocale, preferredLocale } from "./i18n/intl";
import { useLocale } from "./i18n/locale-store";
import { loadCatalogue } from "./i18n/messages";
import { Root } from "./root";

/**
 * The web app's server side (docs/decisions/021): the API renders the pages people wait on
 * (first-page.ts) with the same components the browser runs, from the answers it puts into
 * the page, so the HTML that arrives already shows the content and the browser hydrates it.
 * Built by Vite as its own bundle (`vite build --ssr`), which the API loads
 * (apps/api/src/web-app/server-renderer.ts).
 */

/** Loads what every render needs, once: the pages' code and every language's messages for them. */
export async function prepareServerRendering(): Promise<void> {
  await preloadFirstPages();
  for (const locale of LOCALES) await loadCatalogue(locale);
}

export interface PageToRender {
  /** The address: path and query. */
  url: string;
  /** The page's first answers, by API path, as the page carries them. */
  answers: Record<string, unknown>;
  /** The server's "now", in ms since the epoch. */
  now: number;
  /** The browser's languages, best first (Accept-Language). */
  languages: readonly string[];
}

export interface RenderedMarkup {
  /** What goes inside the root element. */
  html: string;
  locale: TLocale;
}

/**
 * The markup of the page at `url` for the person its answers were asked for, or null when
 * there is none to render: not a page rendered on the server, or no one signed in (the
 * browser then sends them to sign in), so a visitor without a session never gets any.
 *
 * The stores and the language are the module's own, as in the browser: they hold this page's
 * values only while `renderToString` runs, which is synchronous (nothing the first pages render
 * suspends once `prepareServerRendering` is done), so no other request sees them.
 */
export function renderFirstPage(page: PageToRender): RenderedMarkup | null {
  const { pathname, search } = new URL(page.url, "http://page.invalid");
  if (!firstPageOf(pathname)) return null;
  const answers: FirstAnswers = { page: pathname, answers: { ...page.answers } };
  serveFirstAnswers(answers);
  const user = userServedThePage();
  if (!user) {
    serveFirstAnswers(null);
    return null;
  }
  const locale = user.locale ?? preferredLocale(page.languages);
  const queryClient = createQueryClient();
  try {
    applyLocale(locale, page.languages);
    useLocale.setState({ locale });
    useSession.setState({ status: "signed-in", user });
    adoptFirstPage(queryClient, pathname, search, page.now);
    return { html: renderToString(<Root queryClient={queryClient} ssrPath={page.url} />), locale };
  } finally {
    serveFirstAnswers(null);
    queryClient.clear();
    useBoardStore.setState(useBoardStore.getInitialState(), true);
    useSession.setState(useSession.getInitialState(), true);
    useLocale.setState({ locale: "en" });
    applyLocale("en", []);
  }
}
