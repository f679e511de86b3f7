import type { TDemandChange } from "@tideway/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { type BoardWithRoles, boardWithRoles } from "./helpers/board-roles";
import { addDemand } from "./helpers/demands";
import { useTestApp } from "./test-app";

describe("a demand's links (PATCH /api/demands/:id { links })", () => {
  const ctx = useTestApp();
  let people: BoardWithRoles;

  beforeAll(async () => {
    people = await boardWithRoles(ctx.app);
  });

  const setLinks = (links: unknown, client = people.member, demandId?: string) =>
    client.request({ method: "PATCH", url: `/api/demands/${demandId}`, payload: { links } });

  it("keeps http and https links with their titles", async () => {
    const demand = await addDemand(people.admin, people.board);
    const links = [
      { title: "Design", url: "https://example.com/design" },
      { title: "PR 12", url: "http://git.example.com/pr/12" },
    ];
    const response = await setLinks(links, people.member, demand.id);
    expect(response.statusCode, response.body).toBe(200);
    expect((response.json() as TDemandChange).demand.links).toEqual(links);
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "ftp://example.com/file",
  ])("refuses %s with 400 naming the field", async (url) => {
    const demand = await addDemand(people.admin, people.board);
    const response = await setLinks([{ title: "x", url }], people.member, demand.id);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringContaining("links.0.url"),
    });
    const stored = await ctx.db.demand.findUniqueOrThrow({
      where: { id: demand.id },
      select: { links: true },
    });
    expect(stored.links).toEqual([]);
  });

  it("lets a viewer read links but not change them, and answers a non-member 404", async () => {
    const demand = await addDemand(people.admin, people.board);
    const link = [{ title: "Doc", url: "https://example.com" }];
    expect((await setLinks(link, people.viewer, demand.id)).statusCode).toBe(403);
    expect((await setLinks(link, people.stranger, demand.id)).statusCode).toBe(404);
  });

  it("leaves out a stored link that is not http(s) instead of serving it", async () => {
    const demand = await addDemand(people.admin, people.board);
    await ctx.db.demand.update({
      where: { id: demand.id },
      data: {
        links: [
          { title: "old", url: "javascript:alert(1)" },
          { title: "ok", url: "https://ok.example" },
        ],
      },
    });
    const board = await people.viewer.request({ method: "GET", url: `/api/boards/${people.board.id}` });
    expect(board.statusCode).toBe(200);
    const shown = (board.json() as { demands: { id: string; links: unknown }[] }).demands.find(
      (d) => d.id === demand.id,
    );
    expect(shown?.links).toEqual([{ title: "ok", url: "https://ok.example" }]);
  });
});
