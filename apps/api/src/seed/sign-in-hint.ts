import { verifyPassword } from "../auth/password";
import type { Db } from "../db/prisma";
import { DEMO_CREDENTIALS } from "./seed-demo";

/**
 * What the start-up banner says about signing in, on every start (not only the
 * one that seeded the demo): the demo account while its password is still the
 * published one, or how the first account is made on an empty install.
 */
export async function signInHint(db: Db, signInUrl: string): Promise<string[]> {
  const lines = [`  sign in: ${signInUrl}`];
  const demoUser = await db.user.findUnique({
    where: { email: DEMO_CREDENTIALS.email },
    select: { passwordHash: true },
  });
  if (demoUser && (await verifyPassword(DEMO_CREDENTIALS.password, demoUser.passwordHash))) {
    lines.push(`  demo sign-in: ${DEMO_CREDENTIALS.email} / ${DEMO_CREDENTIALS.password}`);
  } else if ((await db.user.count()) === 0) {
    lines.push("  no account yet: the first person to sign up becomes the instance admin");
  }
  return lines;
}
