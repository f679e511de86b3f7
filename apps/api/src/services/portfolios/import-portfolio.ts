import type { TImportPortfolioQuery, TImportPortfolioResult, TPortfolioExport } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import {
  IMPORT_TRANSACTION,
  keyTakenOr,
  refuseForbiddenParents,
  writeImportedBoard,
} from "../board-export/import-board";

const BOARD_KEY_MAX = 10;

/**
 * Creates a NEW portfolio from an export in one transaction: every board is
 * imported as importBoard would (fresh ids, every timestamp kept, the
 * importer its only member and admin), the team boards are put in the new
 * portfolio, and each product demand's parent link is pointed at the new id of
 * its business demand. `keySuffix` goes on every board's key, so a copy can
 * sit next to its original; a key already taken refuses the whole import.
 */
export async function importPortfolio(
  db: Db,
  importerId: string,
  doc: TPortfolioExport,
  options: TImportPortfolioQuery,
): Promise<TImportPortfolioResult> {
  const boards = [doc.businessBoard, ...doc.teamBoards];
  refuseForbiddenParents(doc.businessBoard.demands, doc.businessBoard.demands, "businessBoard.demands");
  for (const [index, team] of doc.teamBoards.entries()) {
    refuseForbiddenParents(team.demands, team.demands, `teamBoards.${index}.demands`);
  }
  refuseForbiddenParents(doc.parentLinks, doc.businessBoard.demands, "parentLinks");
  const targets = boards.map((board) => ({
    key: withSuffix(board.board.key, options.keySuffix),
    name: board.board.name,
  }));
  let writing = "";
  try {
    return await db.$transaction(async (tx) => {
      const written = [];
      for (const [index, board] of boards.entries()) {
        const target = targets[index] as (typeof targets)[number];
        writing = target.key;
        written.push(await writeImportedBoard(tx, importerId, board, target));
      }
      const [business, ...teams] = written;
      if (!business) throw new Error("a portfolio export always has its business board");
      const portfolio = await tx.portfolio.create({
        data: {
          name: options.name ?? doc.portfolio.name,
          businessBoardId: business.result.boardId,
          boards: { create: teams.map((team) => ({ boardId: team.result.boardId })) },
        },
        select: { id: true },
      });
      // ZPortfolioExport checked each link's ends: a team board's demand and a business demand.
      const newChildIds = doc.parentLinks.map(
        (link) =>
          teams.map((team) => team.demandIds.get(link.childId)).find((id) => id !== undefined) as string,
      );
      const newParentIds = doc.parentLinks.map((link) => business.demandIds.get(link.parentId) as string);
      if (doc.parentLinks.length > 0) {
        // Raw SQL so each child's updated_at keeps the exported value.
        await tx.$executeRaw`
          UPDATE demands d SET parent_id = p.parent_id
          FROM unnest(${newChildIds}::uuid[], ${newParentIds}::uuid[]) AS p(id, parent_id)
          WHERE d.id = p.id`;
      }
      return {
        portfolioId: portfolio.id,
        businessBoardId: business.result.boardId,
        boards: written.map(({ result }) => ({
          boardId: result.boardId,
          key: result.key,
          name: result.name,
        })),
        parentLinks: doc.parentLinks.length,
      };
    }, IMPORT_TRANSACTION);
  } catch (error) {
    throw keyTakenOr(error, writing);
  }
}

/** PAYMENTS + "2" -> PAYMENTS2; a key at the length limit gives up its last letters for the suffix. */
function withSuffix(key: string, suffix: string | undefined): string {
  return suffix ? `${key.slice(0, BOARD_KEY_MAX - suffix.length)}${suffix}` : key;
}
