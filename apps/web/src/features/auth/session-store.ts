import type { TSignUpBody, TUser } from "@tideway/contracts";
import { ApiError, whenUnauthenticated } from "../../api/api-request";
import { forgetFirstAnswers } from "../../api/first-answers";
import { queryClient } from "../../api/query-client";
import { useLocale } from "../../i18n/locale-store";
import { create } from "../../ui/create-store";
import { fetchCurrentUser, signIn, signOut, signUp, userServedThePage } from "./auth-api";

type SessionStatus = "unknown" | "signed-in" | "signed-out";

interface SessionState {
  status: SessionStatus;
  user: TUser | null;
  /** Asks the server who is signed in (once, when the app starts). */
  check: () => Promise<void>;
  signIn: (email: string, password: string) => Promise<void>;
  /**
   * Creates an account and signs it in; or, when the email must be confirmed
   * first, resolves with the server's sentence saying a link was emailed.
   */
  signUp: (body: TSignUpBody) => Promise<{ confirmEmail: string } | null>;
  signOut: () => Promise<void>;
  /** Signed in by accepting an invitation (the server set the cookie). */
  joined: (user: TUser) => void;
  expire: () => void;
  /** The account as the server returned it after a change of its settings. */
  replaceUser: (user: TUser) => void;
}

// A page the server answered for a signed-in person says who (docs/decisions/020): no request
// and no "Loading…" before the page itself.
const servedTo = userServedThePage();

export const useSession = create<SessionState>()((set) => ({
  status: servedTo ? "signed-in" : "unknown",
  user: servedTo,
  check: async () => {
    try {
      const user = await fetchCurrentUser();
      useLocale.getState().adoptAccountLocale(user.locale);
      set({ status: "signed-in", user });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) set({ status: "signed-out", user: null });
      else throw error;
    }
  },
  signIn: async (email, password) => {
    const user = await signIn({ email, password });
    useLocale.getState().adoptAccountLocale(user.locale);
    set({ status: "signed-in", user });
  },
  signUp: async (body) => {
    const reply = await signUp(body);
    if ("message" in reply) return { confirmEmail: reply.message };
    set({ status: "signed-in", user: reply.user });
    return null;
  },
  signOut: async () => {
    try {
      await signOut();
    } finally {
      signedOut(set);
    }
  },
  joined: (user) => set({ status: "signed-in", user }),
  expire: () => signedOut(set),
  replaceUser: (user) => set({ user }),
}));

/** What one person fetched must not show to the next one on this browser. */
function signedOut(set: (state: Pick<SessionState, "status" | "user">) => void): void {
  queryClient.clear();
  forgetFirstAnswers();
  set({ status: "signed-out", user: null });
}

whenUnauthenticated(() => useSession.getState().expire());
