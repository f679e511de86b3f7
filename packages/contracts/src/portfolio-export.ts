import { z } from "zod";
import { ZId } from "./board";
import { ZBoardExport, ZImportBoardQuery } from "./board-export";
import { ZInstantInput } from "./instant";
import { ZStorableText } from "./storable-text";

/**
 * A portfolio as a portable JSON document: GET /api/portfolios/:id/export
 * writes it, POST /api/portfolios/import reads it into a new portfolio.
 *
 * Each board travels as the board export it would have on its own (settings,
 * demands, the whole log); what only a portfolio knows travels beside them:
 * its name, which board is the business board, and the cross-board parent
 * links from product demands on team boards to their business demands (a
 * board's own export leaves those out, as their parents are on another
 * board). Ids are the exporting install's; the importer replaces them all.
 */
export const PORTFOLIO_EXPORT_FORMAT_VERSION = 1;

const ZRef = ZStorableText().min(1).max(100);

export const ZPortfolioParentLink = z.object({
  /** A product demand of one of `teamBoards`. */
  childId: ZRef,
  /** A business demand of `businessBoard`. */
  parentId: ZRef,
});

const ZPortfolioExportShape = z.object({
  formatVersion: z.literal(PORTFOLIO_EXPORT_FORMAT_VERSION, {
    message: `must be ${PORTFOLIO_EXPORT_FORMAT_VERSION}: this install reads portfolio exports of format version ${PORTFOLIO_EXPORT_FORMAT_VERSION}`,
  }),
  exportedAt: ZInstantInput,
  portfolio: z.object({ id: ZRef, name: ZStorableText().trim().min(1).max(100) }),
  businessBoard: ZBoardExport,
  teamBoards: z.array(ZBoardExport).max(100),
  parentLinks: z.array(ZPortfolioParentLink),
});

/** The document with its links checked: each names a team board's demand and a business demand, once per child. */
export const ZPortfolioExport = ZPortfolioExportShape.superRefine((doc, context) => {
  const business = new Set(doc.businessBoard.demands.map((demand) => demand.id));
  const product = new Set(doc.teamBoards.flatMap((board) => board.demands.map((demand) => demand.id)));
  const boardIds = [doc.businessBoard, ...doc.teamBoards].map((board) => board.board.id);
  if (new Set(boardIds).size !== boardIds.length) {
    context.addIssue({ code: "custom", path: ["teamBoards"], message: "holds a board twice" });
  }
  const linked = new Set<string>();
  for (const [index, link] of doc.parentLinks.entries()) {
    if (!product.has(link.childId)) {
      context.addIssue({
        code: "custom",
        path: ["parentLinks", index, "childId"],
        message: "names no demand of this document's team boards",
      });
    }
    if (!business.has(link.parentId)) {
      context.addIssue({
        code: "custom",
        path: ["parentLinks", index, "parentId"],
        message: "names no demand of this document's business board",
      });
    }
    if (linked.has(link.childId)) {
      context.addIssue({
        code: "custom",
        path: ["parentLinks", index, "childId"],
        message: "is linked twice",
      });
    }
    linked.add(link.childId);
  }
});
export type TPortfolioExport = z.infer<typeof ZPortfolioExport>;

export const ZImportPortfolioQuery = z.object({
  keySuffix: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{1,3}$/, "must be 1-3 letters or digits")
    .optional()
    .describe(
      "Appended to every board's key (shortened to fit 10 characters), so a portfolio can be imported next to its original",
    ),
  name: ZImportBoardQuery.shape.name.describe("Name of the new portfolio (default: the exported name)"),
});
export type TImportPortfolioQuery = z.infer<typeof ZImportPortfolioQuery>;

export const ZImportPortfolioResult = z.object({
  portfolioId: ZId,
  businessBoardId: ZId,
  boards: z.array(z.object({ boardId: ZId, key: z.string(), name: z.string() })),
  parentLinks: z.number().int(),
});
export type TImportPortfolioResult = z.infer<typeof ZImportPortfolioResult>;
