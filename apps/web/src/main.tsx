import { createRoot, hydrateRoot } from "react-dom/client";
import { renderedPage } from "./api/first-answers";
import { queryClient } from "./api/query-client";
import { preloadFirstPage } from "./app";
import { useSession } from "./features/auth/session-store";
import { adoptFirstPage } from "./first-page";
import { showFirstLocale } from "./i18n/locale-store";
import { Root } from "./root";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
const rootElement = root;
// Chinese (or any language but English) is a separate file, fetched before the first render.
// A signed-in person's first page, when it loads on first visit, is waited for too: it renders
// at once then, without a fallback first (app.tsx's preloadablePage). A failure to load shows
// where the page would have.
const signedIn = useSession.getState().user;
// A page the server rendered (docs/decisions/021) is hydrated in the language it was rendered
// in, from the same answers at the same "now", so React takes its markup as it is.
const rendered = rootElement.hasChildNodes() ? renderedPage() : null;
void Promise.all([
  showFirstLocale(rendered?.locale ?? signedIn?.locale),
  signedIn ? preloadFirstPage(window.location.pathname).catch(() => undefined) : null,
]).then(() => {
  const app = <Root queryClient={queryClient} />;
  if (rendered) {
    adoptFirstPage(queryClient, window.location.pathname, window.location.search, rendered.now);
    hydrateRoot(rootElement, app);
  } else {
    createRoot(rootElement).render(app);
  }
});
