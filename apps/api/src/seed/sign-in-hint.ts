import type { Db } from "../db/prisma";
import { DEMO_CREDENTIALS } from "./seed-demo";

export type SignInAccounts = "demo" | "none" | "others";

/**
 * Which account the start-up banner can point to: the demo account when it
 * exists, none on an empty install, or only accounts it knows nothing about.
 * The demo's password is not checked: that costs a deliberately slow hash
 * (seconds on a busy machine) on every start, and no route changes a password.
 */
export async function signInAccounts(db: Db): Promise<SignInAccounts> {
  const demoUser = await db.user.findUnique({
    where: { email: DEMO_CREDENTIALS.email },
    select: { id: true },
  });
  if (demoUser) return "demo";
  return (await db.user.count()) === 0 ? "none" : "others";
}

/** What the banner says about signing in, on every start (not only the one that seeded the demo). */
export function signInHint(accounts: SignInAccounts, signInUrl: string): string[] {
  const lines = [`  sign in: ${signInUrl}`];
  if (accounts === "demo")
    lines.push(`  demo sign-in: ${DEMO_CREDENTIALS.email} / ${DEMO_CREDENTIALS.password}`);
  if (accounts === "none")
    lines.push("  no account yet: the first person to sign up becomes the instance admin");
  return lines;
}
