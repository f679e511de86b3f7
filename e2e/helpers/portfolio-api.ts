import type { APIRequestContext } from "@playwright/test";
import type { TDemand, TDemandChange, TPortfolio } from "@tideway/contracts";

/** Portfolios as the tests set them up, through the API as the signed-in demo user. */
export class PortfolioApi {
  constructor(
    private readonly request: APIRequestContext,
    private readonly baseURL: string,
  ) {}

  private async send<T>(method: "POST" | "PUT", path: string, data?: unknown): Promise<T> {
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

  addBoard(portfolioId: string, boardId: string): Promise<TPortfolio> {
    return this.send<TPortfolio>("PUT", `/api/portfolios/${portfolioId}/boards/${boardId}`);
  }

  async split(parentId: string, boardId: string, title: string): Promise<TDemand> {
    return (await this.send<TDemandChange>("POST", `/api/demands/${parentId}/children`, { boardId, title }))
      .demand;
  }
}
