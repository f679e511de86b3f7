import { ErrorCode } from "@tideway/contracts";
import { TWO_ONE_ONE_LANES, TWO_ONE_ONE_STAGES } from "@tideway/domain";
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
  const stages =
    template === "2-1-1"
      ? TWO_ONE_ONE_STAGES
      : ([
          {
            name: "To do",
            kind: "queue",
            wipLimit: null,
            wipPolicy: "soft",
            boundary: "commitment",
            criteria: [],
          },
          {
            name: "Doing",
            kind: "active",
            wipLimit: null,
            wipPolicy: "hard",
            boundary: "development_start",
            criteria: [],
          },
          {
            name: "Done",
            kind: "done",
            wipLimit: null,
            wipPolicy: "soft",
            boundary: "delivered",
            criteria: [],
          },
        ] as const);
  const lanes =
    template === "2-1-1"
      ? TWO_ONE_ONE_LANES
      : [{ name: "Standard", wipLimit: null, wipPolicy: "hard" } as const];

  try {
    return await db.$transaction(async (tx) => {
      const board = await tx.board.create({
        data: { name: input.name, key: input.key, members: { create: { userId: creatorId, role: "admin" } } },
      });
      const stageIds: string[] = [];
      for (const [position, stage] of stages.entries()) {
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
      for (const [position, lane] of lanes.entries()) {
        const created = await tx.lane.create({ data: { boardId: board.id, position, ...lane } });
        laneIds.push(created.id);
      }
      return { id: board.id, key: board.key, stageIds, laneIds };
    }, TRANSACTION_OPTIONS);
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
