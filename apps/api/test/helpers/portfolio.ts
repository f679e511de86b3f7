import type { TBoard, TPortfolio } from "@tideway/contracts";
import { expect } from "vitest";
import type { Client } from "./session";

let portfolios = 0;

/** A fresh portfolio owned (admin) by `client`, with its business board as the board page reads it. */
export async function createPortfolio(
  client: Client,
  name = "Retail",
): Promise<{ portfolio: TPortfolio; business: TBoard }> {
  portfolios += 1;
  const key = `P${portfolios}${Math.random().toString(36).slice(2, 6).toUpperCase()}`.slice(0, 10);
  const created = await client.request({ method: "POST", url: "/api/portfolios", payload: { name, key } });
  expect(created.statusCode, created.body).toBe(201);
  const portfolio = created.json() as TPortfolio;
  const business = await client.request({ method: "GET", url: `/api/boards/${portfolio.businessBoardId}` });
  expect(business.statusCode, business.body).toBe(200);
  return { portfolio, business: business.json() as TBoard };
}

/** Puts `board` into the portfolio as `client` and expects 200. */
export async function addTeamBoard(
  client: Client,
  portfolioId: string,
  boardId: string,
): Promise<TPortfolio> {
  const response = await client.request({
    method: "PUT",
    url: `/api/portfolios/${portfolioId}/boards/${boardId}`,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as TPortfolio;
}

/** An instant written without its zone, in UTC: at("2026-03-02T09:15:07"). */
export const at = (iso: string) => new Date(`${iso}Z`);

/** A team demand's path: created in Selection, then Design (commitment), Development, Release and Done. */
export const teamPath = (design: string, development: string, release: string, done: string) =>
  [
    ["Selection", at("2026-03-01T00:00:00")],
    ["Design", at(design)],
    ["Development", at(development)],
    ["Release", at(release)],
    ["Done", at(done)],
  ] as const;
