import { BoardApi, stageNamed } from "./helpers/board-api";
import { expect, test } from "./helpers/board-test";
import { checkPage, chinesePage, chinesePerson, englishLeft, visitAndCheck } from "./helpers/chinese-walk";
import { acceptInvitation, inviteToWelcomeBoard, signUpByInvitation } from "./helpers/new-person";
import { portfolioApiFor } from "./helpers/portfolio-api";

/** The demo admin's name: the invitations and the mention come from them. */
const DEMO_ADMIN = "Demo Lead";

// Sign-in, five pages, axe and screenshots at two sizes take a while on a busy machine.
test.describe.configure({ timeout: 300_000 });

test("[I18N]: a person whose browser prefers Chinese walks sign-in, board, card, dashboard, stand-up and report in Chinese", async ({
  browser,
  baseURL,
}) => {
  const page = await chinesePage(browser, baseURL);
  try {
    await visitAndCheck(page, "/sign-in", page.getByRole("heading", { name: "登录 Tideway" }), "sign-in", []);

    const person = chinesePerson();
    await signUpByInvitation(page.request, baseURL ?? "", person);
    const boardApi = new BoardApi(page.request, baseURL ?? "");
    const { board, delivered: shipped, building } = await boardApi.createBoardWithFlow("Chinese walk");
    const userData = [
      board.name,
      board.key,
      ...board.stages.map((stage) => stage.name),
      ...board.lanes.map((lane) => lane.name),
      // The template's checklists are the board's own content, written in English.
      ...board.criteria.map((criterion) => criterion.text),
      ...[shipped, building].flatMap((demand) => [demand.title, demand.key]),
      person.name,
    ];

    await page.goto(`/boards/${board.id}`);
    await expect(page.locator('.live-status[data-live="live"]')).toHaveText("实时");
    // The user menu switches without a reload, and keeps the choice on the account.
    await page.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });
    // The whole interface re-renders in the new language, which closes the menu.
    await page.getByRole("button", { name: /语言与退出登录/ }).click();
    await page.getByRole("radio", { name: /English/ }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("link", { name: "Dashboard" })).toBeVisible();
    await page.getByRole("button", { name: /language and sign out/ }).click();
    await page.getByRole("radio", { name: "简体中文" }).click();
    await expect(page.getByRole("link", { name: "仪表盘" })).toBeVisible();
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await expect
      .poll(async () => (await (await page.request.get("/api/auth/me")).json()).user.locale)
      .toBe("zh-CN");
    await checkPage(page, "board", userData);

    await page.getByRole("button", { name: building.title }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expect(page.getByRole("heading", { name: "历程" })).toBeVisible();
    await checkPage(page, "card-dialog", userData);
    await page.keyboard.press("Escape");

    await page.goto(`/boards/${board.id}/dashboard`);
    await expect(page.getByTestId("tile-delivery")).toBeVisible();
    // Every panel has its answer (the forecasts and insights arrive after the numbers).
    await expect(page.getByTestId("chart-stuck-flow")).toBeVisible();
    await expect(page.getByTestId("chart-forecast-how-many")).not.toContainText("正在模拟");
    await expect(page.getByTestId("chart-forecast-when")).not.toContainText("正在模拟");
    await checkPage(page, "dashboard", userData);
    // The definitions behind the "?" buttons and the tables behind the charts are text to read too.
    for (const help of await page.getByRole("button", { name: /^关于/ }).all()) await help.click();
    for (const chart of ["aging", "time-in-stage", "stuck-flow", "wip-advice", "forecast-how-many"]) {
      await page
        .getByTestId(`chart-${chart}`)
        .getByRole("button", { name: /^表格视图/ })
        .click();
    }
    await expect(page.getByTestId("chart-aging").getByRole("table")).toContainText("超出 SLE（p85）");
    expect(await englishLeft(page, userData), "English left in the definitions and tables").toEqual([]);
    await page.screenshot({ path: "docs/screenshots/zh-CN-dashboard-tables-1280x800.png", fullPage: true });

    await page.goto(`/boards/${board.id}/standup`);
    await expect(page.locator(".standup-focus")).toBeVisible();
    await checkPage(page, "standup", userData);

    await page.goto(`/boards/${board.id}/report`);
    await expect(page.getByRole("heading", { name: /按季度统计的 2-1-1 目标/ })).toBeVisible();
    await checkPage(page, "report", userData);
  } finally {
    await page.context().close();
  }
});

test("[I18N][SCREENS]: sign-up, forgotten password, invitation, board list, notifications, settings with its change history, account and portfolio pages are in Chinese too", async ({
  browser,
  baseURL,
  boardApi: demoBoardApi,
  page: demoPage,
}) => {
  const page = await chinesePage(browser, baseURL);
  try {
    const signUpTitle = page.getByRole("heading", { name: "创建你的 Tideway 账户" });
    await visitAndCheck(page, "/sign-up", signUpTitle, "sign-up", []);
    const resetTitle = page.getByRole("heading", { name: "重置密码" });
    await visitAndCheck(page, "/forgot-password", resetTitle, "forgot-password", []);

    // The invitation page as the person invited sees it, signed out; then they join.
    const person = chinesePerson();
    const welcome = await inviteToWelcomeBoard(baseURL ?? "", person);
    const welcomeBoard = await demoBoardApi.board(welcome.boardId);
    const joinTitle = page.getByRole("heading", { name: `加入 ${welcomeBoard.name}` });
    await visitAndCheck(page, welcome.path, joinTitle, "invitation", [
      welcomeBoard.name,
      person.email,
      DEMO_ADMIN,
    ]);
    await acceptInvitation(page.request, baseURL ?? "", welcome.path, person);

    // Their own board, whose settings they change in every way the change history words.
    const boardApi = new BoardApi(page.request, baseURL ?? "");
    const board = await boardApi.createBoard("Chinese settings");
    const testing = stageNamed(board, "Testing");
    await boardApi.updateStage(board.id, testing.id, {
      name: "Verification",
      wipLimit: 4,
      position: testing.position + 1,
    });
    await boardApi.write("POST", `/api/boards/${board.id}/lanes`, { name: "Platform" });
    await boardApi.write("POST", `/api/boards/${board.id}/criteria`, {
      stageId: testing.id,
      text: "Reviewed by a peer",
      phase: "exit",
      required: false,
    });
    const invitedEmail = `dee-${Date.now()}@tideway.local`;
    await boardApi.write("POST", `/api/boards/${board.id}/members`, { email: invitedEmail, role: "viewer" });
    await boardApi.write("PUT", `/api/boards/${board.id}/alert-webhook`, {
      url: "https://hooks.example.com/T0/B0/x",
    });
    await boardApi.write("PATCH", `/api/boards/${board.id}/forecast-settings`, { forecastWeeks: 8 });
    await boardApi.write("PATCH", `/api/boards/${board.id}/pipeline-settings`, {
      releaseMovesToDone: true,
      productionEnvironments: ["production", "eu-prod"],
    });
    await boardApi.write("POST", `/api/boards/${board.id}/webhook-secrets`);
    await boardApi.write("POST", `/api/boards/${board.id}/webhook-secrets`, { gracePeriodMinutes: 120 });
    const portfolios = portfolioApiFor(page.request, baseURL);
    const portfolio = await portfolios.create("Chinese portfolio");
    await portfolios.addBoard(portfolio.id, board.id);
    const business = await boardApi.board(portfolio.businessBoardId);
    const launch = await boardApi.createDemand(business.id, "Launch in Shanghai");
    const child = await portfolios.split(launch.id, board.id, "Local payments");

    // A mention by the board's admin, for the notification panel.
    const welcomeDemand = await demoBoardApi.createDemand(welcome.boardId, "Say hello");
    const mentioned = await demoPage.request.post(`/api/demands/${welcomeDemand.id}/comments`, {
      headers: { origin: new URL(baseURL ?? "").origin },
      data: { body: "@Lin Wei welcome aboard" },
    });
    expect(mentioned.status()).toBe(201);

    const userData = [
      person.name,
      person.email,
      DEMO_ADMIN,
      invitedEmail,
      "hooks.example.com",
      "production",
      "eu-prod",
      "Verification",
      "Platform",
      "Reviewed by a peer",
      "welcome aboard",
      ...[welcomeBoard, board, business].flatMap((shown) => [
        shown.name,
        shown.key,
        ...shown.stages.map((stage) => stage.name),
        ...shown.lanes.map((lane) => lane.name),
        ...shown.criteria.map((criterion) => criterion.text),
      ]),
      portfolio.name,
      ...[launch, child, welcomeDemand].flatMap((demand) => [demand.title, demand.key]),
    ];

    await visitAndCheck(page, "/", page.getByRole("link", { name: board.name }), "board-list", userData);

    await page.getByRole("button", { name: "通知，1 条未读" }).click();
    await expect(page.locator(".notification-panel")).toContainText("提到了你");
    await checkPage(page, "notifications", userData);
    await page.keyboard.press("Escape");

    await page.goto(`/boards/${board.id}/settings`);
    const history = page.getByRole("region", { name: "变更历史", exact: true }).getByRole("listitem");
    // The newest change first: the rotation, whose old secret stays accepted for two hours.
    await expect(history.first()).toContainText("停用了 Webhook 密钥");
    await expect(history.first()).toContainText("2小时内仍被接受");
    await expect(history.filter({ hasText: "重命名为“Verification”" })).toContainText("WIP 上限从 5 改为 4");
    await checkPage(page, "settings", userData);

    await visitAndCheck(
      page,
      "/account",
      page.getByRole("heading", { name: "我的账户" }),
      "account",
      userData,
    );

    await page.goto(`/portfolios/${portfolio.id}`);
    await expect(page.getByTestId("business-demand")).toContainText(launch.title);
    await checkPage(page, "portfolio", userData);

    const review = page.getByRole("heading", { name: /业务评审/ });
    await visitAndCheck(page, `/portfolios/${portfolio.id}/standup`, review, "portfolio-standup", userData);
  } finally {
    await page.context().close();
  }
});
