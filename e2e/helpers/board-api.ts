import type { APIRequestContext } from "@playwright/test";
import type {
  TBoard,
  TDemand,
  TDemandChange,
  TMoveResult,
  TStage,
  TStageChange,
  TTransition,
} from "@tideway/contracts";

export const DEMO_USER = { email: "demo@tideway.local", password: "tideway-demo" } as const;

/** Signs the request context in as the demo user (its cookie jar keeps the session). */
export async function signInAsDemo(request: APIRequestContext, baseURL: string): Promise<void> {
  const response = await request.post("/api/auth/sign-in", {
    data: DEMO_USER,
    headers: { origin: new URL(baseURL).origin },
  });
  if (!response.ok()) throw new Error(`sign-in failed: ${response.status()} ${await response.text()}`);
}

/**
 * The API as the tests set up their data: a board per test, demands placed in
 * a stage by real moves (so the Transition log is what a user would produce).
 * Cookie-authenticated writes carry Origin, as a browser's would.
 */
export class BoardApi {
  constructor(
    private readonly request: APIRequestContext,
    private readonly baseURL: string,
  ) {}

  private async send<T>(
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    path: string,
    data?: unknown,
  ): Promise<T> {
    const response = await this.request.fetch(path, {
      method,
      data,
      headers: method === "GET" ? {} : { origin: new URL(this.baseURL).origin },
    });
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** A settings write this helper has no method for (lanes, criteria, webhooks, forecasts), as an admin would make it. */
  write<T>(method: "POST" | "PUT" | "PATCH", path: string, data: unknown = {}): Promise<T> {
    return this.send<T>(method, path, data);
  }

  /** A fresh "2-1-1" board with a random key, so tests never share data. */
  async createBoard(name = "E2E board"): Promise<TBoard> {
    const key = `E${Math.random().toString(36).slice(2, 8).toUpperCase()}`.replace(/[^A-Z0-9]/g, "X");
    return this.send<TBoard>("POST", "/api/boards", { name, key, template: "2-1-1" });
  }

  board(boardId: string): Promise<TBoard> {
    return this.send<TBoard>("GET", `/api/boards/${boardId}`);
  }

  /** Changes a stage's settings (name, kind, limit, boundary: null clears it), as an admin would. */
  async updateStage(boardId: string, stageId: string, change: Partial<TStage>): Promise<TStage> {
    return (await this.send<TStageChange>("PATCH", `/api/boards/${boardId}/stages/${stageId}`, change)).stage;
  }

  async transitions(boardId: string): Promise<TTransition[]> {
    const page = await this.send<{ transitions: TTransition[] }>(
      "GET",
      `/api/boards/${boardId}/transitions?limit=10000`,
    );
    return page.transitions;
  }

  async createDemand(boardId: string, title: string, laneId?: string): Promise<TDemand> {
    const change = await this.send<TDemandChange>("POST", `/api/boards/${boardId}/demands`, {
      title,
      type: "feature",
      ...(laneId ? { laneId } : {}),
    });
    return change.demand;
  }

  async check(demandId: string, criterionId: string): Promise<TDemand> {
    return (
      await this.send<TDemandChange>("PUT", `/api/demands/${demandId}/checks/${criterionId}`, {
        checked: true,
      })
    ).demand;
  }

  async update(demandId: string, changes: Record<string, unknown>): Promise<TDemand> {
    return (await this.send<TDemandChange>("PATCH", `/api/demands/${demandId}`, changes)).demand;
  }

  async addDependency(demandId: string, dependsOnId: string): Promise<void> {
    await this.send("POST", `/api/demands/${demandId}/dependencies`, { dependsOnId });
  }

  async block(demandId: string, reason: string): Promise<TDemand> {
    return (await this.send<TDemandChange>("POST", `/api/demands/${demandId}/block`, { reason })).demand;
  }

  async move(demandId: string, toStageId: string, toLaneId?: string): Promise<TDemand> {
    return (await this.send<TMoveResult>("POST", `/api/demands/${demandId}/move`, { toStageId, toLaneId }))
      .demand;
  }

  /**
   * A new demand in `stageName` / `laneName`. With `checkAll`, every criterion
   * of the board is ticked first, so later moves meet entry and exit criteria.
   */
  async placeDemand(
    board: TBoard,
    title: string,
    where: { stage: string; lane?: string; checkAll?: boolean },
  ): Promise<TDemand> {
    const stage = stageNamed(board, where.stage);
    const lane = laneNamed(board, where.lane ?? "Standard");
    let demand = await this.createDemand(board.id, title, lane.id);
    if (where.checkAll) {
      for (const criterion of board.criteria) demand = await this.check(demand.id, criterion.id);
    }
    if (stage.id !== demand.stageId) demand = await this.move(demand.id, stage.id, lane.id);
    return demand;
  }

  /**
   * A new board with one demand delivered (in Done) and one in Development,
   * both moved there at once with every criterion ticked: the smallest flow
   * whose board, dashboard and stand-up all have something to show.
   */
  async createBoardWithFlow(name: string): Promise<{ board: TBoard; delivered: TDemand; building: TDemand }> {
    const board = await this.createBoard(name);
    const delivered = await this.placeDemand(board, "Delivered one", { stage: "Done", checkAll: true });
    const building = await this.placeDemand(board, "Being built", { stage: "Development", checkAll: true });
    return { board, delivered, building };
  }
}

export function stageNamed(board: TBoard, name: string) {
  const stage = board.stages.find((s) => s.name === name);
  if (!stage) throw new Error(`board has no stage ${name}`);
  return stage;
}

export function laneNamed(board: TBoard, name: string) {
  const lane = board.lanes.find((l) => l.name === name);
  if (!lane) throw new Error(`board has no lane ${name}`);
  return lane;
}
