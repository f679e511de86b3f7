import type { TLocale, TUser } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import type { Caller } from "./sessions";

/** Keeps the interface language the caller chose on their account, so every device they sign in on uses it. */
export async function setUserLocale(db: Db, caller: Caller, locale: TLocale): Promise<TUser> {
  await db.user.update({ where: { id: caller.id }, data: { locale } });
  const { via: _via, sessionId: _sessionId, tokenId: _tokenId, ...user } = caller;
  return { ...user, locale };
}
