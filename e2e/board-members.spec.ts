import { expect, test } from "./helpers/board-test";

test("[SETTINGS][MEMBERS]: a colleague creates an account, an admin adds them by email, changes their role, and takes them off the board", async ({
  page,
  boardApi,
  browser,
  baseURL,
}) => {
  const board = await boardApi.createBoard("Team board");

  // The colleague, in their own browser, creates an account from the sign-in page.
  const colleagueContext = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const colleague = await colleagueContext.newPage();
  const email = `colleague-${Date.now()}@tideway.local`;
  await colleague.goto("/");
  await colleague.getByRole("link", { name: "Create an account" }).click();
  await colleague.getByLabel("Name").fill("Casey Colleague");
  await colleague.getByLabel("Email").fill(email);
  await colleague.getByLabel("Password").fill("a long enough password");
  await colleague.getByRole("button", { name: "Create account" }).click();
  await expect(colleague.getByRole("heading", { name: "Boards" })).toBeVisible();
  await expect(colleague.getByRole("link", { name: "Team board" })).toHaveCount(0);
  const asColleague = { headers: { origin: new URL(baseURL ?? "").origin } };
  const colleagueAdds = async () =>
    (
      await colleague.request.post(`/api/boards/${board.id}/demands`, {
        ...asColleague,
        data: { title: "Mine" },
      })
    ).status();

  await page.goto(`/boards/${board.id}/settings`);
  const members = page.getByRole("list", { name: "Members" });
  await expect(members.getByRole("listitem")).toHaveCount(1);
  await expect(members).toContainText("(you)");

  const add = page.getByRole("form", { name: "Add a member" });
  await add.getByLabel("Email").fill("nobody-signed-up@tideway.local");
  await add.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByText(/Nobody has signed up with nobody-signed-up@tideway.local/)).toBeVisible();
  await expect(members.getByRole("listitem")).toHaveCount(1);

  await add.getByLabel("Email").fill(email);
  await add.getByLabel("Role").selectOption("viewer");
  await add.getByRole("button", { name: "Add member" }).click();
  await expect(members.getByRole("listitem")).toHaveCount(2);
  await expect(page.getByLabel("Role of Casey Colleague")).toHaveValue("viewer");
  await colleague.reload();
  await expect(colleague.getByRole("link", { name: "Team board" })).toBeVisible();
  expect(await colleagueAdds()).toBe(403);

  await page.getByLabel("Role of Casey Colleague").selectOption("member");
  await expect(page.getByLabel("Role of Casey Colleague")).toHaveValue("member");
  await expect.poll(colleagueAdds).toBe(201);
  await page.reload();
  await expect(page.getByLabel("Role of Casey Colleague")).toHaveValue("member");

  // The board's only admin cannot step down; the server says why and the role stays.
  await page.getByLabel("Role of Demo Lead").selectOption("member");
  await expect(page.getByText(/You are the board.s last admin/)).toBeVisible();
  await expect(page.getByLabel("Role of Demo Lead")).toHaveValue("admin");

  await page.getByRole("button", { name: "Remove Casey Colleague" }).click();
  await expect(members.getByRole("listitem")).toHaveCount(1);
  await colleague.reload();
  await expect(colleague.getByRole("heading", { name: "Boards" })).toBeVisible();
  await expect(colleague.getByRole("link", { name: "Team board" })).toHaveCount(0);
  await colleagueContext.close();
});
