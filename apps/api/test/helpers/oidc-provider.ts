import { afterAll, beforeAll } from "vitest";
import {
  type OidcTestProvider,
  type ProviderPerson,
  startOidcProvider,
} from "../../../../test-servers/oidc-provider";
import type { OidcConfig } from "../../src/config";

/** The address the API tests' app believes it is at (PUBLIC_URL). */
export const TEST_PUBLIC_URL = "http://tideway.test";
const REDIRECT_URL = `${TEST_PUBLIC_URL}/api/auth/oidc/callback`;

/**
 * A real OpenID provider (test-servers/oidc-provider.ts) for the calling test
 * file, and the app's `oidc` setting pointing at it. Register it before
 * useTestApp and pass `config.oidc` there: it is read when the app is built.
 */
export function useOidcProvider(people: Record<string, ProviderPerson>) {
  let provider: OidcTestProvider | null = null;
  beforeAll(async () => {
    provider = await startOidcProvider(REDIRECT_URL, people);
  });
  afterAll(async () => {
    await provider?.close();
  });
  return {
    get config(): OidcConfig {
      if (!provider) throw new Error("the OpenID provider is used before its beforeAll ran");
      return {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        providerName: "Test Provider",
        redirectUrl: REDIRECT_URL,
      };
    },
  };
}

/**
 * Walks the provider's own login and consent pages over HTTP as a browser
 * would (following redirects, keeping its cookies), from the authorization
 * URL Tideway redirected to, and returns the callback path and query the
 * provider sends the browser back with.
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<string> {
  const cookies = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 20; hop += 1) {
    if (url.startsWith(TEST_PUBLIC_URL)) return url.slice(TEST_PUBLIC_URL.length);
    let response = await fetchKeepingCookies(url, cookies);
    if (response.status === 200) {
      // A login or consent page: submit its form.
      const page = await response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1] ?? "";
      const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1] ?? "";
      const form = new URLSearchParams({ prompt });
      if (prompt === "login") {
        form.set("login", login);
        form.set("password", "any password");
      }
      response = await fetchKeepingCookies(new URL(action, url).href, cookies, form);
    }
    const location = response.headers.get("location");
    if (!location) throw new Error(`the provider stopped at ${url} with ${response.status}`);
    url = new URL(location, url).href;
  }
  throw new Error("the provider redirected too many times");
}

async function fetchKeepingCookies(url: string, cookies: Map<string, string>, form?: URLSearchParams) {
  const response = await fetch(url, {
    redirect: "manual",
    method: form ? "POST" : "GET",
    headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; ") },
    ...(form ? { body: form } : {}),
  });
  for (const header of response.headers.getSetCookie()) {
    const [pair = ""] = header.split(";");
    const [name = "", ...value] = pair.split("=");
    cookies.set(name.trim(), value.join("="));
  }
  return response;
}
