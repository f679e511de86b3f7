import {
  type TCreateChildBody,
  type TCreatePortfolioBody,
  type TDemandChange,
  type TPortfolio,
  type TPortfolioMetrics,
  type TPortfolioSummary,
  ZDemandChange,
  ZPortfolio,
  ZPortfolioMetrics,
  ZPortfolioSummary,
} from "@tideway/contracts";
import { apiRequest, firstAnswerTo, wrapped } from "../../api/api-request";

const ZPortfolioList = wrapped("portfolios", ZPortfolioSummary.array());

const PORTFOLIOS = "/api/portfolios";

export async function fetchPortfolios(): Promise<TPortfolioSummary[]> {
  return (await apiRequest("GET", PORTFOLIOS, ZPortfolioList)).portfolios;
}

/** The portfolios the page brought, if it did (first-page.ts). */
export function portfoliosAnsweredFirst(): TPortfolioSummary[] | undefined {
  return firstAnswerTo(PORTFOLIOS, ZPortfolioList)?.portfolios;
}

export function createPortfolio(body: TCreatePortfolioBody): Promise<TPortfolio> {
  return apiRequest("POST", "/api/portfolios", ZPortfolio, body);
}

export function fetchPortfolio(portfolioId: string): Promise<TPortfolio> {
  return apiRequest("GET", `/api/portfolios/${portfolioId}`, ZPortfolio);
}

export function addTeamBoard(portfolioId: string, boardId: string): Promise<TPortfolio> {
  return apiRequest("PUT", `/api/portfolios/${portfolioId}/boards/${boardId}`, ZPortfolio);
}

/** The last 30 days (the server's default window). */
export function fetchPortfolioMetrics(portfolioId: string): Promise<TPortfolioMetrics> {
  return apiRequest("GET", `/api/portfolios/${portfolioId}/metrics`, ZPortfolioMetrics);
}

export function createChildDemand(parentId: string, body: TCreateChildBody): Promise<TDemandChange> {
  return apiRequest("POST", `/api/demands/${parentId}/children`, ZDemandChange, body);
}
