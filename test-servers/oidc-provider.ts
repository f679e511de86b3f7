import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** What the provider says about a person: `email_verified` exactly as a provider would send it. */
export interface ProviderPerson {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface OidcTestProvider {
  /** The issuer URL, `http://127.0.0.1:<port>`: what OIDC_ISSUER points at. */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  close(): Promise<void>;
}

/**
 * A real OpenID provider on a loopback port (oidc-provider, a certified
 * implementation) with one confidential client whose redirect is
 * `redirectUrl`. Its own development login and consent pages take any login
 * (the login becomes the subject) and any password; `people` says which
 * email, verified or not, each login has. Port 0 picks a free one.
 */
export async function startOidcProvider(
  redirectUrl: string,
  people: Record<string, ProviderPerson>,
  port = 0,
): Promise<OidcTestProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "tideway";
  const clientSecret = "a client secret for tests only";
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUrl],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({ sub, ...people[sub] }),
    }),
    pkce: { required: () => true },
    cookies: { keys: ["oidc test provider cookie key"] },
    features: { devInteractions: { enabled: true } },
  });
  // Its warnings about development keys and interactions are expected here.
  provider.on("server_error", (_ctx, error) => console.error("oidc test provider:", error));
  server.on("request", provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
