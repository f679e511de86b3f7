import {
  type TApiToken,
  type TChangePasswordBody,
  type TCreatedToken,
  ZApiTokenList,
  ZCreatedToken,
} from "@tideway/contracts";
import { apiRequest, ignoreBody } from "../../api/api-request";

/** The signed-in person's own account: password, other sessions, API tokens, deletion. */

export async function changePassword(body: TChangePasswordBody): Promise<void> {
  await apiRequest("POST", "/api/auth/password", ignoreBody, body);
}

export async function signOutOtherSessions(): Promise<void> {
  await apiRequest("POST", "/api/auth/sign-out-others", ignoreBody);
}

export async function fetchApiTokens(): Promise<TApiToken[]> {
  return (await apiRequest("GET", "/api/tokens", ZApiTokenList)).tokens;
}

export function createApiToken(name: string, expiresInDays: number | undefined): Promise<TCreatedToken> {
  return apiRequest("POST", "/api/tokens", ZCreatedToken, { name, expiresInDays });
}

export async function revokeApiToken(tokenId: string): Promise<void> {
  await apiRequest("DELETE", `/api/tokens/${tokenId}`, ignoreBody);
}

export async function deleteAccount(password: string): Promise<void> {
  await apiRequest("DELETE", "/api/auth/account", ignoreBody, { password });
}
