import { expect, test } from "./helpers/board-test";

test("[SETTINGS][MEMBERS]: an admin adds a colleague by email, changes their role, and takes them off the board", async ({
  page,
  boardApi,
  playwright,
  baseURL,
}) => {
  const board = await boardApi.createBoard("Team board");
  // The colleague signs up on their own (their own session, not the demo user's).
  const email = `colleague-${Date.now()}@tideway.local`;
  const colleague = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { origin: baseURL ?? "" },
  });
  const signUp = await colleague.post("/api/auth/sign-up", {
    data: { email, name: "Casey Colleague", password: "a long enough password" },
  });
  expect(signUp.status()).toBe(201);
  const colleagueSees = async () => (await colleague.get(`/api/boards/${board.id}`)).status();
  expect(await colleagueSees()).toBe(404);

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
  expect(await colleagueSees()).toBe(200);
  const viewerAdds = await colleague.post(`/api/boards/${board.id}/demands`, {
    data: { title: "Not mine to add" },
  });
  expect(viewerAdds.status()).toBe(403);

  await page.getByLabel("Role of Casey Colleague").selectOption("member");
  await expect(page.getByLabel("Role of Casey Colleague")).toHaveValue("member");
  await expect
    .poll(async () =>
      (await colleague.post(`/api/boards/${board.id}/demands`, { data: { title: "Mine" } })).status(),
    )
    .toBe(201);
  await page.reload();
  await expect(page.getByLabel("Role of Casey Colleague")).toHaveValue("member");

  // The board's only admin cannot step down; the server says why and the role stays.
  await page.getByLabel("Role of Demo Lead").selectOption("member");
  await expect(page.getByText(/You are the board.s last admin/)).toBeVisible();
  await expect(page.getByLabel("Role of Demo Lead")).toHaveValue("admin");

  await page.getByRole("button", { name: "Remove Casey Colleague" }).click();
  await expect(members.getByRole("listitem")).toHaveCount(1);
  expect(await colleagueSees()).toBe(404);
  await colleague.dispose();
});
