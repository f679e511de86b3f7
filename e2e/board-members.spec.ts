import { expect, notices, test } from "./helpers/board-test";

test("[SETTINGS][MEMBERS]: an admin invites a colleague by email; the link signs them up and opens the board; the admin changes their role and takes them off the board", async ({
  page,
  boardApi,
  browser,
  baseURL,
}) => {
  // Two browsers, a sign-up (password hash) and the whole membership round: long on a busy machine.
  test.slow();
  const board = await boardApi.createBoard("Team board");
  const email = `colleague-${Date.now()}@tideway.local`;

  await page.goto(`/boards/${board.id}/settings`);
  const members = page.getByRole("list", { name: "Members" });
  await expect(members.getByRole("listitem")).toHaveCount(1);
  await expect(members).toContainText("(you)");

  const invite = page.getByRole("form", { name: "Invite a member" });
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Role").selectOption("viewer");
  await invite.getByRole("button", { name: "Invite" }).click();
  const linkBox = page.getByLabel(`Invitation link for ${email}`);
  await expect(linkBox).toHaveValue(/\/invitations\/inv_/);
  const link = await linkBox.inputValue();
  await expect(page.getByRole("list", { name: "Pending invitations" })).toContainText(email);
  // Nobody joins before they open the link.
  await expect(members.getByRole("listitem")).toHaveCount(1);

  // The colleague, in their own browser, opens the link: one form creates the account and joins.
  const colleagueContext = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const colleague = await colleagueContext.newPage();
  await colleague.goto(link);
  await expect(colleague.getByRole("heading", { name: "Join Team board" })).toBeVisible();
  await expect(colleague.getByText(email)).toBeVisible();
  await colleague.getByLabel("Name").fill("Casey Colleague");
  await colleague.getByLabel("Password").fill("a long enough password");
  await colleague.getByRole("button", { name: "Create account and join" }).click();
  await expect(colleague).toHaveURL(new RegExp(`/boards/${board.id}$`));
  await expect(colleague.getByRole("heading", { name: "Team board" })).toBeVisible();
  // The link worked once.
  const again = await colleagueContext.newPage();
  await again.goto(link);
  await expect(again.getByText(/^This invitation link does not work/)).toBeVisible();
  await again.close();

  const asColleague = { headers: { origin: new URL(baseURL ?? "").origin } };
  const colleagueAdds = async () =>
    (
      await colleague.request.post(`/api/boards/${board.id}/demands`, {
        ...asColleague,
        data: { title: "Mine" },
      })
    ).status();
  expect(await colleagueAdds()).toBe(403);

  await page.reload();
  await expect(members.getByRole("listitem")).toHaveCount(2);
  await expect(page.getByLabel("Role of Casey Colleague")).toHaveValue("viewer");
  await expect(page.getByRole("list", { name: "Pending invitations" })).toHaveCount(0);

  await page.getByLabel("Role of Casey Colleague").selectOption("member");
  await expect(page.getByLabel("Role of Casey Colleague")).toHaveValue("member");
  await expect.poll(colleagueAdds).toBe(201);
  await page.reload();
  await expect(page.getByLabel("Role of Casey Colleague")).toHaveValue("member");

  // The board's only admin cannot step down; the server says why and the role stays.
  await page.getByLabel("Role of Demo Lead").selectOption("member");
  await expect(notices(page)).toContainText(/You are the board.s last admin/);
  await expect(page.getByLabel("Role of Demo Lead")).toHaveValue("admin");

  await page.getByRole("button", { name: "Remove Casey Colleague" }).click();
  await expect(members.getByRole("listitem")).toHaveCount(1);
  await colleague.goto("/");
  await expect(colleague.getByRole("heading", { name: "Boards" })).toBeVisible();
  await expect(colleague.getByRole("link", { name: "Team board" })).toHaveCount(0);
  await colleagueContext.close();
});

test("[BOARD][MEMBERS]: a viewer leaves a board from its page and it is gone from their board list; the last admin cannot leave", async ({
  page,
  boardApi,
  browser,
  baseURL,
}) => {
  const boardName = `Board to leave ${Date.now()}`;
  const board = await boardApi.createBoard(boardName);
  const origin = { origin: new URL(baseURL ?? "").origin };

  // A colleague, invited by the admin as a viewer.
  const viewerContext = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const viewer = await viewerContext.newPage();
  const email = `leaver-${Date.now()}@tideway.local`;
  const invited = await page.request.post(`/api/boards/${board.id}/members`, {
    headers: origin,
    data: { email, role: "viewer" },
  });
  expect(invited.status()).toBe(201);
  const { path } = (await invited.json()) as { path: string };
  // No account yet: the invitation link signs up and joins in one step.
  const joined = await viewer.request.post(`/api${path}/accept`, {
    headers: origin,
    data: { name: "Lee Leaver", password: "a long enough password" },
  });
  expect(joined.status()).toBe(200);

  await viewer.goto("/");
  await viewer.getByRole("link", { name: boardName }).click();
  await expect(viewer.getByRole("heading", { name: boardName })).toBeVisible();

  // Changing their mind first leaves everything as it was.
  await viewer.getByRole("button", { name: "Leave this board" }).click();
  const dialog = viewer.getByRole("dialog", { name: "Leave this board?" });
  await expect(dialog).toContainText(`You will no longer see ${boardName}`);
  await dialog.getByRole("button", { name: "Stay" }).click();
  await expect(dialog).toBeHidden();

  await viewer.getByRole("button", { name: "Leave this board" }).click();
  await dialog.getByRole("button", { name: "Leave board" }).click();
  await expect(viewer).toHaveURL(/\/$/);
  await expect(viewer.getByRole("heading", { name: "Boards" })).toBeVisible();
  await expect(viewer.getByRole("link", { name: boardName })).toHaveCount(0);
  await viewer.goto(`/boards/${board.id}`);
  await expect(
    viewer.getByRole("heading", { name: "This board does not exist or you are not a member" }),
  ).toBeVisible();
  // Asking again would not help; the way back to their boards does.
  await expect(viewer.getByRole("button", { name: "Try again" })).toHaveCount(0);
  await expect(viewer.getByRole("link", { name: "Back to your boards" })).toBeVisible();
  await viewerContext.close();

  // The board's only admin is told why they cannot go, and stays.
  await page.goto(`/boards/${board.id}`);
  await page.getByRole("button", { name: "Leave this board" }).click();
  const adminDialog = page.getByRole("dialog", { name: "Leave this board?" });
  await adminDialog.getByRole("button", { name: "Leave board" }).click();
  await expect(adminDialog.getByRole("alert")).toHaveText(
    "You are the board's last admin; make someone else admin before leaving the board.",
  );
  await adminDialog.getByRole("button", { name: "Stay" }).click();
  await page.goto("/");
  await expect(page.getByRole("link", { name: boardName })).toBeVisible();
});
