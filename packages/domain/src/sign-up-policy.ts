/**
 * Who may create an account on an instance (the `SIGNUP` setting):
 * - `open`: anyone, from the sign-up page;
 * - `invite`: only someone holding a board invitation for their email;
 * - `closed`: nobody; invitations reach people who already have an account.
 * Whatever the setting, the very first account may be created (it becomes
 * the instance admin), or no one could ever sign in.
 */
export const SIGN_UP_POLICIES = ["open", "invite", "closed"] as const;
export type SignUpPolicy = (typeof SIGN_UP_POLICIES)[number];

export function signUpAllowed(
  policy: SignUpPolicy,
  attempt: { invited: boolean; firstAccount: boolean },
): boolean {
  if (attempt.firstAccount) return true;
  switch (policy) {
    case "open":
      return true;
    case "invite":
      return attempt.invited;
    case "closed":
      return false;
  }
}

/** Why a sign-up was refused, in words the person can act on. */
export function signUpRefusal(policy: SignUpPolicy): string {
  return policy === "invite"
    ? "New accounts need an invitation on this Tideway; ask a board admin to invite your email."
    : "This Tideway does not take new accounts; ask its administrator.";
}
