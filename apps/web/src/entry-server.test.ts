import { beforeAll, describe, expect, it } from "vitest";
import { prepareServerRendering, renderFirstPage } from "./entry-server";
import { testDemand } from "./features/board/test-demand";

const user = {
  id: "7f3c2a9e-4b1d-4c8e-9a6f-2d5b8e1c0a11",
  email: "lin@example.com",
  name: "Lin",
  isInstanceAdmin: false,
  locale: null,
};
const board = { id: "0b6c1e52-8d4f-4a3b-b7e9-5c2a1d8f3e64", key: "PAY", name: "Payments", role: "member" };
const HOSTILE = "</script><script>alert(1)</script>";

const boardList = (answers: Record<string, unknown>, languages: readonly string[] = ["en-US"]) =>
  renderFirstPage({ url: "/", answers, now: Date.parse("2026-12-08T04:00:00Z"), languages });

describe("[PAGES] the server renders the first pages with the app's own components (issue 19)", () => {
  beforeAll(() => prepareServerRendering());

  it("renders the board list from the page's answers, its text escaped", () => {
    const rendered = boardList({
      "/api/auth/me": { user },
      "/api/boards": {
        boards: [board, { ...board, id: "1c7d2f63-9e5a-4b4c-88fa-6d3b2e9f4a75", name: HOSTILE }],
      },
      "/api/portfolios": { portfolios: [] },
    });
    expect(rendered?.locale).toBe("en");
    expect(rendered?.html).toContain(`href="/boards/${board.id}"`);
    expect(rendered?.html).toContain("Payments");
    expect(rendered?.html).toContain("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(rendered?.html).not.toContain(HOSTILE);
  });

  it("renders nothing without the person signed in, and leaves nothing of a page to the next", () => {
    expect(boardList({ "/api/boards": { boards: [board] } })).toBeNull();
    const next = boardList({ "/api/auth/me": { user }, "/api/portfolios": { portfolios: [] } });
    expect(next?.html).not.toContain("Payments");
  });

  it("speaks the account's language, else the browser's", () => {
    const answers = { "/api/boards": { boards: [board] }, "/api/portfolios": { portfolios: [] } };
    const chosen = boardList({ ...answers, "/api/auth/me": { user: { ...user, locale: "zh-CN" } } });
    expect(chosen?.locale).toBe("zh-CN");
    expect(chosen?.html).toContain("看板");
    const browser = boardList({ ...answers, "/api/auth/me": { user } }, ["zh-CN", "en"]);
    expect(browser?.locale).toBe("zh-CN");
    // And the next page, in English, is not left in Chinese.
    expect(boardList({ ...answers, "/api/auth/me": { user } })?.locale).toBe("en");
  });

  it("renders a board's cards, and no board without its answer", () => {
    const [stageId, laneId, demandId] = [
      "2e8f4a1c-5b3d-4e6f-9a7b-8c1d2e3f4a5b",
      "3f9a5b2d-6c4e-4f70-8b8c-9d2e3f4a5b6c",
      "4a0b6c3e-7d5f-4a81-9c9d-0e3f4a5b6c7d",
    ];
    const snapshot = {
      ...board,
      seq: 1,
      stages: [
        {
          id: stageId,
          name: "Doing",
          position: 0,
          kind: "active",
          wipLimit: null,
          wipPolicy: "soft",
          boundary: null,
        },
      ],
      lanes: [{ id: laneId, name: "Standard", position: 0, wipLimit: null, wipPolicy: "soft" }],
      criteria: [],
      demands: [testDemand({ id: demandId, stageId, laneId, title: "Settle refunds nightly" })],
      dependencies: [],
      members: [],
    };
    const page = (answers: Record<string, unknown>) =>
      renderFirstPage({
        url: `/boards/${board.id}`,
        answers,
        now: Date.parse("2026-12-08T04:00:00Z"),
        languages: [],
      });
    const shown = page({ "/api/auth/me": { user }, [`/api/boards/${board.id}`]: snapshot });
    expect(shown?.html).toMatch(/<article[^>]*class="[^"]*demand-card/);
    expect(shown?.html).toContain("Settle refunds nightly");
    expect(page({ "/api/auth/me": { user } })?.html).not.toContain("Settle refunds nightly");
  });

  it("renders only the pages the server answers for", () => {
    expect(
      renderFirstPage({ url: "/account", answers: { "/api/auth/me": { user } }, now: 0, languages: [] }),
    ).toBeNull();
  });
});
