import type { APIRequestContext } from "@playwright/test";
import type {
  TBoard,
  TDemand,
  TDemandChange,
  TImportPortfolioResult,
  TPortfolio,
  TPortfolioExport,
} from "@tideway/contracts";
import type { BoardApi } from "./board-api";

/** The API helper for a test's signed-in page (`baseURL` from the test's fixtures). */
export function portfolioApiFor(request: APIRequestContext, baseURL: string | undefined): PortfolioApi {
  if (!baseURL) throw new Error("playwright.config.ts sets no baseURL");
  return new PortfolioApi(request, baseURL);
}

/** Portfolios as the tests set them up, through the API as the signed-in demo user. */
export class PortfolioApi {
  constructor(
    private readonly request: APIRequestContext,
    private readonly baseURL: string,
  ) {}

  private async send<T>(method: "GET" | "POST" | "PUT", path: string, data?: unknown): Promise<T> {
    const response = await this.request.fetch(path, {
      method,
      data,
      headers: { origin: new URL(this.baseURL).origin },
    });
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** A portfolio with a random business board key, so tests never share data. */
  create(name: string): Promise<TPortfolio> {
    const key = `B${Math.random().toString(36).slice(2, 8).toUpperCase()}`.replace(/[^A-Z0-9]/g, "X");
    return this.send<TPortfolio>("POST", "/api/portfolios", { name, key });
  }

  /** A portfolio with a fresh "2-1-1" team board for each name, in that order. */
  async createWithTeams(
    name: string,
    teamNames: readonly string[],
    boardApi: BoardApi,
  ): Promise<{ portfolio: TPortfolio; teams: TBoard[] }> {
    const portfolio = await this.create(name);
    const teams: TBoard[] = [];
    for (const teamName of teamNames) {
      const team = await boardApi.createBoard(teamName);
      await this.addBoard(portfolio.id, team.id);
      teams.push(team);
    }
    return { portfolio, teams };
  }

  /** The portfolio most journeys need: a Payments team and a Mobile team. */
  async withPaymentsAndMobile(
    name: string,
    boardApi: BoardApi,
  ): Promise<{ portfolio: TPortfolio; payments: TBoard; mobile: TBoard }> {
    const { portfolio, teams } = await this.createWithTeams(name, ["Payments team", "Mobile team"], boardApi);
    const [payments, mobile] = teams;
    if (!payments || !mobile) throw new Error("two team boards were asked for");
    return { portfolio, payments, mobile };
  }

  addBoard(portfolioId: string, boardId: string): Promise<TPortfolio> {
    return this.send<TPortfolio>("PUT", `/api/portfolios/${portfolioId}/boards/${boardId}`);
  }

  /** The portfolio as a document (GET /api/portfolios/:id/export). */
  export(portfolioId: string): Promise<TPortfolioExport> {
    return this.send<TPortfolioExport>("GET", `/api/portfolios/${portfolioId}/export`);
  }

  /** A new portfolio from a document, every board's key given `keySuffix`. */
  import(document: TPortfolioExport, keySuffix: string): Promise<TImportPortfolioResult> {
    return this.send<TImportPortfolioResult>(
      "POST",
      `/api/portfolios/import?keySuffix=${keySuffix}`,
      document,
    );
  }

  async split(parentId: string, boardId: string, title: string): Promise<TDemand> {
    return (await this.send<TDemandChange>("POST", `/api/demands/${parentId}/children`, { boardId, title }))
      .demand;
  }
}
