import { type APIRequestContext, request } from "@playwright/test";
import { BoardApi } from "./board-api";

export interface NewPerson {
  name: string;
  email: string;
  password: string;
}

/**
 * An invitation from the demo admin to a board of its own, "Welcome <name>",
 * for `email` as a member: the board's id and the invitation page's path
 * ("/invitations/<token>").
 */
export async function inviteToWelcomeBoard(
  baseURL: string,
  person: Pick<NewPerson, "name" | "email">,
): Promise<{ boardId: string; path: string }> {
  const file = process.env.DEMO_SESSION_FILE;
  if (!file) throw new Error("DEMO_SESSION_FILE is unset: e2e/global-setup.ts did not run");
  const admin = await request.newContext({ baseURL, storageState: file });
  try {
    const board = await new BoardApi(admin, baseURL).createBoard(`Welcome ${person.name}`);
    const invited = await admin.post(`/api/boards/${board.id}/members`, {
      headers: { origin: new URL(baseURL).origin },
      data: { email: person.email, role: "member" },
    });
    if (invited.status() !== 201) throw new Error(`inviting ${person.email}: ${await invited.text()}`);
    const { path } = (await invited.json()) as { path: string };
    return { boardId: board.id, path };
  } finally {
    await admin.dispose();
  }
}

/** Accepts the invitation at `path` as `person`, signing them in on `personRequest`. */
export async function acceptInvitation(
  personRequest: APIRequestContext,
  baseURL: string,
  path: string,
  person: NewPerson,
): Promise<void> {
  const joined = await personRequest.post(`/api${path}/accept`, {
    headers: { origin: new URL(baseURL).origin },
    data: { name: person.name, password: person.password },
  });
  if (!joined.ok()) throw new Error(`accepting the invitation: ${await joined.text()}`);
}

/**
 * Gives a new person an account and signs them in on `personRequest` (the
 * request context of their own browser context). The e2e server sends mail,
 * so a plain sign-up waits for an emailed link (it never says whether an
 * email is taken); an invitation from the demo admin to a board of its own
 * signs up in one step. Returns that board's id.
 */
export async function signUpByInvitation(
  personRequest: APIRequestContext,
  baseURL: string,
  person: NewPerson,
): Promise<string> {
  const { boardId, path } = await inviteToWelcomeBoard(baseURL, person);
  await acceptInvitation(personRequest, baseURL, path, person);
  return boardId;
}
