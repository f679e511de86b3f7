import type { TCriterion } from "@tideway/contracts";
import { notFound } from "../../errors/app-error";
import type { Criterion, Prisma } from "../../generated/prisma/client";
import { type Positioned, positionUpdates } from "./dense-order";

type Tx = Prisma.TransactionClient;

/**
 * Locks a stage of the board, which serialises changes to its criteria (their
 * positions are dense per stage); false when the board has no such stage.
 */
export async function lockStageOfBoard(tx: Tx, boardId: string, stageId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM stages WHERE id = ${stageId}::uuid AND board_id = ${boardId}::uuid FOR NO KEY UPDATE`;
  return rows.length > 0;
}

/**
 * A criterion of the board with its stage locked, and its stage's criteria in
 * order (the criterion among them); a 404 when the board has no such criterion.
 */
export async function lockCriterionOfBoard(
  tx: Tx,
  boardId: string,
  criterionId: string,
): Promise<{ criterion: Criterion; siblings: Criterion[] }> {
  const found = await tx.criterion.findFirst({
    where: { id: criterionId, stage: { boardId } },
    select: { stageId: true },
  });
  if (!found || !(await lockStageOfBoard(tx, boardId, found.stageId))) throw notFound("Criterion");
  const siblings = await criteriaOfStage(tx, found.stageId);
  const criterion = siblings.find((candidate) => candidate.id === criterionId);
  if (!criterion) throw notFound("Criterion");
  return { criterion, siblings };
}

/** A stage's criteria, entry and exit alike, in their order. */
export function criteriaOfStage(tx: Tx, stageId: string): Promise<Criterion[]> {
  return tx.criterion.findMany({ where: { stageId }, orderBy: [{ position: "asc" }, { id: "asc" }] });
}

export function toCriterionView({
  id,
  stageId,
  text,
  phase,
  kind,
  required,
  position,
}: Criterion): TCriterion {
  return { id, stageId, text, phase, kind, required, position };
}

/** All the board's criteria, by the column order of their stages, then their own order. */
export async function boardCriteria(tx: Tx, boardId: string): Promise<TCriterion[]> {
  const rows = await tx.criterion.findMany({
    where: { stage: { boardId } },
    orderBy: [{ stage: { position: "asc" } }, { stageId: "asc" }, { position: "asc" }, { id: "asc" }],
  });
  return rows.map(toCriterionView);
}

export async function writeCriterionOrder(tx: Tx, ordered: readonly Positioned[]): Promise<void> {
  for (const { id, position } of positionUpdates(ordered)) {
    await tx.criterion.update({ where: { id }, data: { position } });
  }
}
