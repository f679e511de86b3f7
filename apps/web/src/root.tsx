import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { App } from "./app";
import { I18nProvider } from "./i18n/i18n-provider";

/** The whole tree, as the browser renders or hydrates it (main.tsx) and the server renders it (entry-server.tsx). */
export function Root({ queryClient, ssrPath }: { queryClient: QueryClient; ssrPath?: string }) {
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <App ssrPath={ssrPath} />
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>
  );
}
