import { ErrorCode, type TCreatePortfolioBody, type TPortfolio } from "@tideway/contracts";
import { BUSINESS_BOARD_LANES, BUSINESS_BOARD_STAGES } from "@tideway/domain";
import type { Db } from "../../db/prisma";
import { AppError } from "../../errors/app-error";
import { insertBoard } from "../boards/create-board";
import { TRANSACTION_OPTIONS } from "../demands/transaction-options";
import { getPortfolio } from "./get-portfolio";

/**
 * Creates a portfolio and its business-demand board (stages Selection,
 * Analysis, In delivery, Acceptance, Released) in one transaction, with the
 * creator as admin of both (they are one membership). Without a key, the
 * business board's key is made from the name; a taken one gets a number.
 */
export async function createPortfolio(
  db: Db,
  creatorId: string,
  input: TCreatePortfolioBody,
): Promise<TPortfolio> {
  const keys = input.key ? [input.key] : candidateKeys(input.name);
  for (const key of keys) {
    const created = await db.$transaction(async (tx) => {
      const taken = await tx.board.findUnique({ where: { key }, select: { id: true } });
      if (taken) return null;
      const board = await insertBoard(tx, creatorId, {
        name: input.name,
        key,
        stages: BUSINESS_BOARD_STAGES,
        lanes: BUSINESS_BOARD_LANES,
      });
      return tx.portfolio.create({
        data: { name: input.name, businessBoardId: board.id },
        select: { id: true },
      });
    }, TRANSACTION_OPTIONS);
    if (created) return getPortfolio(db, creatorId, created.id);
  }
  throw new AppError(
    ErrorCode.BOARD_KEY_TAKEN,
    input.key
      ? `The board key ${input.key} is already used by another board.`
      : "No free key could be made from this name; give one (key).",
  );
}

const MAX_KEY_ATTEMPTS = 20;

/** "Retail banking" -> RETAILBA, RETAILBA2, RETAILBA3 ...: letters and digits, starting with a letter. */
export function candidateKeys(name: string): string[] {
  const letters = name.toUpperCase().replace(/[^A-Z0-9]/g, "");
  const start = letters.search(/[A-Z]/);
  const base = (start === -1 ? "PORTFOLIO" : letters.slice(start)).slice(0, 8).padEnd(2, "X");
  return Array.from({ length: MAX_KEY_ATTEMPTS }, (_, index) => (index === 0 ? base : `${base}${index + 1}`));
}
