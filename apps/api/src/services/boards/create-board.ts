import { ErrorCode } from "@tideway/contracts";
import {
  EMPTY_BOARD_STAGES,
  type TemplateLane,
  type TemplateStage,
  TWO_ONE_ONE_LANES,
  TWO_ONE_ONE_STAGES,
} from "@tideway/domain";
import type { Db } from "../../db/prisma";
import { AppError } from "../../errors/app-error";
import { Prisma } from "../../generated/prisma/client";
import { TRANSACTION_OPTIONS } from "../demands/transaction-options";

export interface CreateBoardInput {
  name: string;
  key: string;
  template?: "2-1-1" | "empty";
}

export interface CreatedBoard {
  id: string;
  key: string;
  stageIds: string[];
  laneIds: string[];
}

/**
 * Creates a board with its creator as admin. The "2-1-1" template (the
 * default) brings the stages, lanes, limits and criteria of DESIGN.md; "empty"
 * brings one stage of each kind and one lane.
 */
export async function createBoard(db: Db, creatorId: string, input: CreateBoardInput): Promise<CreatedBoard> {
  const template = input.template ?? "2-1-1";
  const stages: readonly TemplateStage[] = template === "2-1-1" ? TWO_ONE_ONE_STAGES : EMPTY_BOARD_STAGES;
  const lanes: readonly TemplateLane[] =
    template === "2-1-1"
      ? TWO_ONE_ONE_LANES
      : [{ name: "Standard", wipLimit: null, wipPolicy: "hard" } as const];

  try {
    return await db.$transaction(
      (tx) => insertBoard(tx, creatorId, { name: input.name, key: input.key, stages, lanes }),
      TRANSACTION_OPTIONS,
    );
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError(
        ErrorCode.BOARD_KEY_TAKEN,
        `The board key ${input.key} is already used by another board.`,
      );
    }
    throw error;
  }
}

/**
 * Writes a board with its stages, criteria and lanes, and its creator as
 * admin, inside the caller's transaction (a portfolio creates its business
 * board in the same one).
 */
export async function insertBoard(
  tx: Prisma.TransactionClient,
  creatorId: string,
  input: { name: string; key: string; stages: readonly TemplateStage[]; lanes: readonly TemplateLane[] },
): Promise<CreatedBoard> {
  const board = await tx.board.create({
    data: { name: input.name, key: input.key, members: { create: { userId: creatorId, role: "admin" } } },
  });
  const stageIds: string[] = [];
  for (const [position, stage] of input.stages.entries()) {
    const created = await tx.stage.create({
      data: {
        boardId: board.id,
        name: stage.name,
        position,
        kind: stage.kind,
        wipLimit: stage.wipLimit,
        wipPolicy: stage.wipPolicy,
        boundary: stage.boundary,
        criteria: {
          create: stage.criteria.map((criterion, index) => ({ ...criterion, position: index })),
        },
      },
    });
    stageIds.push(created.id);
  }
  const laneIds: string[] = [];
  for (const [position, lane] of input.lanes.entries()) {
    const created = await tx.lane.create({ data: { boardId: board.id, position, ...lane } });
    laneIds.push(created.id);
  }
  return { id: board.id, key: board.key, stageIds, laneIds };
}
