import { ErrorCode } from "@tideway/contracts";
import * as openid from "openid-client";
import type { OidcConfig } from "../config";
import { AppError } from "../errors/app-error";

/** What a sign-in attempt keeps in the browser (a short-lived cookie) between start and callback. */
export interface OidcAttempt {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The person the provider vouched for, from the ID token and the userinfo endpoint. */
export interface OidcPerson {
  issuer: string;
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
  name: string | undefined;
}

const SCOPE = "openid email profile";
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The relying party (openid-client): authorization code flow with state,
 * nonce and PKCE (S256). The provider's metadata is discovered on first use
 * and kept; a failed discovery is tried again on the next sign-in, so a
 * provider that is down at start-up does not stop Tideway from starting.
 */
export class OidcClient {
  private discovered: Promise<openid.Configuration> | null = null;

  constructor(private readonly config: OidcConfig) {}

  get providerName(): string {
    return this.config.providerName;
  }

  /** Where to send the browser, and what to keep for checking the answer. */
  async startSignIn(): Promise<{ url: string; attempt: OidcAttempt }> {
    const configuration = await this.configuration();
    const attempt = {
      state: openid.randomState(),
      nonce: openid.randomNonce(),
      codeVerifier: openid.randomPKCECodeVerifier(),
    };
    const url = openid.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.redirectUrl,
      scope: SCOPE,
      state: attempt.state,
      nonce: attempt.nonce,
      code_challenge: await openid.calculatePKCECodeChallenge(attempt.codeVerifier),
      code_challenge_method: "S256",
    });
    return { url: url.href, attempt };
  }

  /**
   * Checks the provider's answer (`query`: the callback's query string) against
   * the attempt, exchanges the code and reads who signed in. The callback
   * address is rebuilt from PUBLIC_URL, never from the request's Host.
   */
  async finishSignIn(query: string, attempt: OidcAttempt): Promise<OidcPerson> {
    const configuration = await this.configuration();
    const currentUrl = new URL(`${this.config.redirectUrl}?${query}`);
    let tokens: Awaited<ReturnType<typeof openid.authorizationCodeGrant>>;
    try {
      tokens = await openid.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: attempt.codeVerifier,
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw signInFailure(error);
    }
    const claims = tokens.claims();
    if (!claims) throw failed("the provider sent no ID token.");
    const userinfo = await openid
      .fetchUserInfo(configuration, tokens.access_token, claims.sub)
      .catch((error: unknown) => {
        throw signInFailure(error);
      });
    const merged = { ...claims, ...userinfo };
    return {
      issuer: configuration.serverMetadata().issuer,
      subject: claims.sub,
      email: typeof merged.email === "string" ? merged.email.trim().toLowerCase() : undefined,
      // Only a literal true counts: a missing claim, "true" or 1 is not the provider vouching.
      emailVerified: merged.email_verified === true,
      name: typeof merged.name === "string" && merged.name.trim() !== "" ? merged.name.trim() : undefined,
    };
  }

  private configuration(): Promise<openid.Configuration> {
    if (!this.discovered) {
      const issuer = new URL(this.config.issuer);
      // Plain http only to a provider on this machine (tests, a local setup); anywhere else, https.
      const execute =
        issuer.protocol === "http:" && LOOPBACK_HOSTS.has(issuer.host.replace(/:\d+$/, ""))
          ? [openid.allowInsecureRequests]
          : [];
      this.discovered = openid
        .discovery(issuer, this.config.clientId, this.config.clientSecret, undefined, { execute })
        .catch((error: unknown) => {
          this.discovered = null;
          throw new AppError(
            ErrorCode.SINGLE_SIGN_ON_UNAVAILABLE,
            `The sign-in provider ${this.config.providerName} cannot be reached; try again shortly, or sign in with your password.`,
            { reason: error instanceof Error ? error.message : String(error) },
          );
        });
    }
    return this.discovered;
  }
}

const failed = (why: string) =>
  new AppError(
    ErrorCode.SINGLE_SIGN_ON_FAILED,
    `Single sign-on did not complete: ${why} Start again from the sign-in page.`,
  );

/** The provider refused, or its answer did not check out (state, nonce, PKCE, signature): a 400 saying which. */
function signInFailure(error: unknown): AppError {
  if (error instanceof openid.AuthorizationResponseError) {
    return failed(
      `the provider answered "${error.error}"${error.error_description ? ` (${error.error_description})` : ""}.`,
    );
  }
  if (error instanceof openid.ResponseBodyError) {
    return failed(`the provider refused the sign-in code ("${error.error}"); it may have been used already.`);
  }
  // openid-client wraps oauth4webapi's check failures; the cause says which check failed.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : "";
  if (error instanceof Error && /"state"/.test(`${error.message} ${cause}`)) {
    return failed("this answer does not belong to the sign-in this browser started (its state differs).");
  }
  if (error instanceof TypeError && "cause" in error) {
    return new AppError(
      ErrorCode.SINGLE_SIGN_ON_UNAVAILABLE,
      "The sign-in provider cannot be reached; try again shortly, or sign in with your password.",
    );
  }
  return failed(
    `its answer could not be verified (${error instanceof Error ? error.message : String(error)}).`,
  );
}
