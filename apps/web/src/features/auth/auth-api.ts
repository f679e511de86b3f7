import {
  type TSignInBody,
  type TSignInOptions,
  type TSignUpBody,
  type TSignUpReply,
  type TUpdateMeBody,
  type TUser,
  ZPasswordResetRequested,
  ZSignInOptions,
  ZSignUpReply,
  ZUser,
} from "@tideway/contracts";
import { apiRequest, ignoreBody, wrapped } from "../../api/api-request";
import { takeFirstAnswer } from "../../api/first-answers";

const ZUserReply = wrapped("user", ZUser);

export async function fetchCurrentUser(): Promise<TUser> {
  const { user } = await apiRequest("GET", "/api/auth/me", ZUserReply, undefined, {
    quietUnauthenticated: true,
  });
  return user;
}

/** Who the page was served to, when the page says (api/first-answers.ts); null when it does not. */
export function userServedThePage(): TUser | null {
  const answer = takeFirstAnswer("/api/auth/me");
  if (answer === undefined) return null;
  try {
    return ZUserReply.parse(answer).user;
  } catch {
    return null;
  }
}

export async function signIn(body: TSignInBody): Promise<TUser> {
  const { user } = await apiRequest("POST", "/api/auth/sign-in", ZUserReply, body, {
    quietUnauthenticated: true,
  });
  return user;
}

export async function signOut(): Promise<void> {
  await apiRequest("POST", "/api/auth/sign-out", ignoreBody);
}

/** The new account, signed in; or, when the email must be confirmed first, the server's sentence saying so. */
export function signUp(body: TSignUpBody): Promise<TSignUpReply> {
  return apiRequest("POST", "/api/auth/sign-up", ZSignUpReply, body, { quietUnauthenticated: true });
}

/** Creates the account a sign-up asked for, with the link emailed to it; signs it in. */
export async function confirmSignUp(token: string): Promise<TUser> {
  const path = `/api/auth/sign-up/confirm/${encodeURIComponent(token)}`;
  const { user } = await apiRequest("POST", path, ZUserReply, undefined, { quietUnauthenticated: true });
  return user;
}

/** Changes the signed-in person's own settings (the interface language). */
export async function updateMe(body: TUpdateMeBody): Promise<TUser> {
  const { user } = await apiRequest("PATCH", "/api/auth/me", ZUserReply, body);
  return user;
}

/** Asks for a reset link; resolves with the server's sentence (the same for every email). */
export async function requestPasswordReset(email: string): Promise<string> {
  const { message } = await apiRequest(
    "POST",
    "/api/auth/password-reset",
    ZPasswordResetRequested,
    { email },
    {
      quietUnauthenticated: true,
    },
  );
  return message;
}

export async function resetPassword(token: string, password: string): Promise<void> {
  await apiRequest(
    "POST",
    `/api/auth/password-reset/${encodeURIComponent(token)}`,
    ignoreBody,
    { password },
    {
      quietUnauthenticated: true,
    },
  );
}

/** Ways to sign in besides a password: the single sign-on provider's name, when one is set up. */
export function fetchSignInOptions(): Promise<TSignInOptions> {
  return apiRequest("GET", "/api/auth/sign-in-options", ZSignInOptions, undefined, {
    quietUnauthenticated: true,
  });
}
