import type { TServiceLevel } from "@tideway/contracts";
import { epochMs } from "@tideway/domain";
import type { Db } from "../../db/prisma";
import { requireBoardRole } from "../access/require-board-role";
import { cachedBoardHistory } from "../metrics/board-flow-cache";
import { secondsOrNull } from "../metrics/summary-view";
import { boardServiceLevel } from "./board-service-level";

/** The p50 and p85 a card's age is compared with for its SLE badge. */
export async function getServiceLevel(
  db: Db,
  userId: string,
  boardId: string,
  now = new Date(),
): Promise<TServiceLevel> {
  await requireBoardRole(db, userId, boardId, "viewer");
  const { flow, settings } = await cachedBoardHistory(db, boardId);
  const { expectation, timeBasis, sampleSize } = boardServiceLevel(flow, settings, epochMs(now.getTime()));
  return {
    p50: secondsOrNull(expectation.p50),
    p85: secondsOrNull(expectation.p85),
    timeBasis,
    sampleSize,
  };
}
