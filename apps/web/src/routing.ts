import { useCallback, useMemo } from "react";
import { type AroundNavHandler, useLocation, useRouter } from "wouter";
import { usePathname, useSearch } from "wouter/use-browser-location";

/**
 * The address bar's path and query as they are (wouter's useLocation decodes the path), or,
 * while the server renders a page, the address it renders (the router's `ssrPath`).
 */
export function useAddressBar(): { pathname: string; search: string } {
  const { ssrPath, ssrSearch } = useRouter();
  return { pathname: usePathname({ ssrPath }), search: useSearch({ ssrSearch }) };
}

type SearchParamsChange = URLSearchParams | ((current: URLSearchParams) => URLSearchParams);

/**
 * The address's query, and a way to change it on the same path (docs/decisions/018). Not
 * wouter's own useSearchParams: that reads the query through decodeURI first, so text typed
 * into the board's search with a `%` in it (`?q=%2541` for "%41") would be decoded twice; this
 * reads `location.search` as it is. A change given as a function starts from the address as
 * it is when the change is made, not as this render saw it, so two quick changes (a lane,
 * then a type) both land.
 */
export function useSearchParams(): [
  URLSearchParams,
  (change: SearchParamsChange, options?: { replace?: boolean }) => void,
] {
  const [, navigate] = useLocation();
  const { search } = useAddressBar();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const setParams = useCallback(
    (change: SearchParamsChange, options?: { replace?: boolean }) => {
      const next =
        typeof change === "function" ? change(new URLSearchParams(window.location.search)) : change;
      const query = next.toString();
      navigate(query ? `${window.location.pathname}?${query}` : window.location.pathname, options);
    },
    [navigate],
  );
  return [params, setParams];
}

/**
 * Going to the address already shown replaces it rather than adding it to the history again,
 * as react-router's links did before wouter (docs/decisions/018): clicking "Tideway" on the
 * board list twice still leaves Back one step from where the visitor came from.
 */
export const sameAddressReplaces: AroundNavHandler = (navigate, to, options) =>
  navigate(to, {
    ...options,
    replace: options?.replace ?? to === window.location.pathname + window.location.search,
  });
