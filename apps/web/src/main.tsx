import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { queryClient } from "./api/query-client";
import { App, preloadFirstPage } from "./app";
import { useSession } from "./features/auth/session-store";
import { I18nProvider } from "./i18n/i18n-provider";
import { showFirstLocale } from "./i18n/locale-store";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
const rootElement = root;
// Chinese (or any language but English) is a separate file, fetched before the first render.
// A signed-in person's first page, when it loads on first visit, is waited for too: it renders
// at once then, without a fallback first (app.tsx's preloadablePage). A failure to load shows
// where the page would have.
const signedIn = useSession.getState().user;
void Promise.all([
  showFirstLocale(signedIn?.locale),
  signedIn ? preloadFirstPage(window.location.pathname).catch(() => undefined) : null,
]).then(() => {
  createRoot(rootElement).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <App />
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
});
