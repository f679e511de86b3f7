import {
  type TSignInBody,
  type TSignUpBody,
  type TUpdateMeBody,
  type TUser,
  ZPasswordResetRequested,
  ZUser,
} from "@tideway/contracts";
import { apiRequest, ignoreBody, wrapped } from "../../api/api-request";

const ZUserReply = wrapped("user", ZUser);

export async function fetchCurrentUser(): Promise<TUser> {
  const { user } = await apiRequest("GET", "/api/auth/me", ZUserReply, undefined, {
    quietUnauthenticated: true,
  });
  return user;
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

export async function signUp(body: TSignUpBody): Promise<TUser> {
  const { user } = await apiRequest("POST", "/api/auth/sign-up", ZUserReply, body, {
    quietUnauthenticated: true,
  });
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
