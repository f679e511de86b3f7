/**
 * Reads a board export from a request body as it arrives, without holding
 * the body or the whole parsed document twice: a 96 MiB import grew the
 * server by 1,073 MB and held its event loop for 11 s when it was one
 * string, JSON.parse and zod's copy of everything (issue 19, target 4).
 *
 * The JSON is tokenised by @streamparser/json, pinned exactly in
 * apps/api/package.json: maintained (releases through 2026), no
 * dependencies, plain ES2020 that runs on Node 20 and 24, and it emits
 * each value at chosen paths (`$.transitions.*`) and drops it from its
 * parent (`keepStack: false`), so only one list item is ever half-built.
 * Each item is validated with the document's own item schema
 * (ZBoardExportParts) and fed to BoardExportReferences, the same
 * cross-reference rules ZBoardExport applies to a whole document; the ids
 * an item names are replaced by the first copy of that id string, so the
 * document kept for the import shares its ids instead of holding one
 * string per reference. The body is fed chunk by chunk from the socket, so
 * the event loop turns between chunks and no other request waits for the
 * whole document.
 */
import { Tokenizer, TokenParser, TokenType } from "@streamparser/json";
import {
  BOARD_EXPORT_ITEM_PARTS,
  BoardExportReferences,
  ErrorCode,
  type TBoardExport,
  type TBoardExportItemPart,
  ZBoardExportParts,
} from "@tideway/contracts";
import type { z } from "zod";
import { AppError } from "../../errors/app-error";
import { MAX_INPUT_DEPTH, refuseUnstorable } from "../../plugins/storable-input";

const HEADER_PARTS = ["formatVersion", "exportedAt", "board"] as const;
type HeaderPart = (typeof HEADER_PARTS)[number];
const ITEM_PARTS: ReadonlySet<string> = new Set(BOARD_EXPORT_ITEM_PARTS);
/** Enough to act on; a document with a million bad items still answers with a short list. */
const MAX_ISSUES = 20;

interface Issue {
  field: string;
  message: string;
}

/** Reads and validates the document a body stream carries; 400 on any problem, 413 past `limitBytes`. */
export async function readBoardExport(
  body: AsyncIterable<Uint8Array>,
  limitBytes: number,
): Promise<TBoardExport> {
  const reader = new BoardExportReader();
  let bytes = 0;
  for await (const chunk of body) {
    bytes += chunk.byteLength;
    if (bytes > limitBytes) throw bodyTooLarge(limitBytes);
    reader.write(chunk);
  }
  return reader.end();
}

export function bodyTooLarge(limitBytes: number): AppError {
  return new AppError(
    ErrorCode.PAYLOAD_TOO_LARGE,
    `The document is larger than this route accepts (${limitBytes / 1024 / 1024} MiB); move larger boards with npm run backup.`,
  );
}

class BoardExportReader {
  private readonly tokenizer = new Tokenizer();
  private readonly tokens = new TokenParser({
    paths: [
      ...HEADER_PARTS.map((part) => `$.${part}`),
      ...BOARD_EXPORT_ITEM_PARTS.map((part) => `$.${part}.*`),
    ],
    keepStack: false,
  });
  private readonly references = new BoardExportReferences();
  private readonly headers: Partial<Record<HeaderPart, unknown>> = {};
  private readonly lists = Object.fromEntries(
    BOARD_EXPORT_ITEM_PARTS.map((part) => [part, [] as unknown[]]),
  ) as {
    [Part in TBoardExportItemPart]: TBoardExport[Part][number][];
  };
  /**
   * The first token of the document and of each top-level part's value: the
   * parser drops every value it emitted (and every container once complete)
   * from its parent, so this is how the document's outline is known.
   */
  private rootToken: TokenType | null = null;
  private readonly partTokens = new Map<string, TokenType>();
  private lastKey: string | null = null;
  private partStarting: string | null = null;
  private readonly issues: Issue[] = [];
  private readonly partsWithIssues = new Set<string>();
  private readonly firstItems: Partial<Record<TBoardExportItemPart, unknown>> = {};
  private readonly users = new Map<string, string>();
  private get depth(): number {
    return this.path.length;
  }
  /** Where the tokenizer is: one entry per open container, its current key or index. */
  private readonly path: (string | number)[] = [];
  private lastString = "";
  private malformed: Error | null = null;
  /** A refusal found between tokens (too deep), thrown once the tokenizer has returned. */
  private refusal: AppError | null = null;

  constructor() {
    this.tokenizer.onToken = (token) => {
      this.noteOutline(token.token, token.value);
      this.notePath(token.token, token.value);
      this.tokens.write(token);
    };
    this.tokenizer.onEnd = () => {
      if (!this.tokens.isEnded) this.tokens.end();
    };
    this.tokens.onError = this.tokenizer.error.bind(this.tokenizer);
    this.tokens.onEnd = () => {
      if (!this.tokenizer.isEnded) this.tokenizer.end();
    };
    this.tokenizer.onError = (error) => {
      this.malformed ??= error;
    };
    this.tokens.onValue = ({ value, key, stack }) => {
      if (stack.length === 1) this.readHeader(key as HeaderPart, value);
      else if (stack.length === 2) this.readItem(stack[1]?.key as TBoardExportItemPart, key, value);
    };
  }

  /**
   * Tracks the key path of the token being read: the parser keeps one frame per
   * open bracket, so a body of 50 million `[` would take gigabytes before any
   * schema saw it; past MAX_INPUT_DEPTH the body is refused naming where.
   */
  private notePath(token: TokenType, value: unknown): void {
    const top = this.path.length - 1;
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) {
      if (this.path.length >= MAX_INPUT_DEPTH) {
        const field = ["body", ...this.path].join(".");
        this.refusal ??= new AppError(
          ErrorCode.VALIDATION_FAILED,
          `${field}: nests deeper than ${MAX_INPUT_DEPTH} levels`,
          {
            issues: [{ field, message: `nests deeper than ${MAX_INPUT_DEPTH} levels` }],
          },
        );
        throw this.refusal;
      }
      this.path.push(token === TokenType.LEFT_BRACKET ? 0 : "");
    } else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) this.path.pop();
    else if (token === TokenType.COMMA && typeof this.path[top] === "number") this.path[top]++;
    else if (token === TokenType.COLON) this.path[top] = this.lastString;
    else if (token === TokenType.STRING) this.lastString = value as string;
  }

  private noteOutline(token: TokenType, value: unknown): void {
    if (this.rootToken === null) this.rootToken = token;
    if (this.depth !== 1) return;
    if (this.partStarting !== null) {
      this.partTokens.set(this.partStarting, token);
      this.partStarting = null;
    } else if (token === TokenType.COLON) this.partStarting = this.lastKey;
    else if (token === TokenType.STRING) this.lastKey = value as string;
  }

  write(chunk: Uint8Array): void {
    try {
      if (this.malformed === null) this.tokenizer.write(chunk);
    } catch (error) {
      this.malformed ??= error as Error;
    }
    if (this.refusal !== null) throw this.refusal;
    if (this.malformed !== null) throw malformedJson(this.malformed);
  }

  end(): TBoardExport {
    try {
      if (this.malformed === null && !this.tokenizer.isEnded) this.tokenizer.end();
    } catch (error) {
      this.malformed ??= error as Error;
    }
    if (this.refusal !== null) throw this.refusal;
    if (this.malformed !== null) throw malformedJson(this.malformed);
    this.checkSkeleton();
    // As ZBoardExport: references are checked in a document whose items are all well-formed
    // (a refused stage would otherwise make every reference to it dangle).
    if (this.issues.length === 0) {
      for (const { path, message } of this.references.finish()) this.addIssue(path, message);
    }
    if (this.issues.length > 0) {
      const [first] = this.issues;
      throw new AppError(ErrorCode.VALIDATION_FAILED, `${first?.field}: ${first?.message}`, {
        issues: this.issues,
      });
    }
    return { ...(this.headers as Pick<TBoardExport, HeaderPart>), ...this.lists };
  }

  private readHeader(part: HeaderPart, value: unknown): void {
    const parsed = ZBoardExportParts.shape[part].safeParse(value);
    if (parsed.success) this.headers[part] = parsed.data;
    else this.addZodIssues([part], parsed.error);
  }

  private readItem(part: TBoardExportItemPart, index: unknown, value: unknown): void {
    if (!ITEM_PARTS.has(part)) return;
    if (typeof index !== "number") {
      this.addIssue([part], "must be a list");
      return;
    }
    const schema = ZBoardExportParts.shape[part].element as z.ZodType<TBoardExport[typeof part][number]>;
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      this.addZodIssues([part, index], parsed.error);
      return;
    }
    try {
      refuseUnstorable(parsed.data, `body.${part}.${index}`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      for (const issue of (error.details as { issues: Issue[] }).issues)
        this.addIssue([part], issue.message, issue.field);
      return;
    }
    this.references.add(part, index, parsed.data);
    this.firstItems[part] ??= parsed.data;
    // Items are kept only while the document is still good: a bad one makes it a 400 anyway.
    if (this.issues.length === 0) this.lists[part].push(this.shareIds(part, parsed.data) as never);
  }

  /** The item with each id it names replaced by the first copy of that id (see the module comment). */
  private shareIds<Part extends TBoardExportItemPart>(part: Part, item: TBoardExport[Part][number]): unknown {
    const ref = (of: TBoardExportItemPart, id: string | null) =>
      id === null ? null : this.references.canonical(of, id);
    const user = (id: string | null) => {
      if (id === null) return null;
      const known = this.users.get(id);
      if (known !== undefined) return known;
      this.users.set(id, id);
      return id;
    };
    if (part === "transitions") {
      const transition = item as TBoardExport["transitions"][number];
      transition.demandId = ref("demands", transition.demandId) as string;
      transition.fromStageId = ref("stages", transition.fromStageId);
      transition.toStageId = ref("stages", transition.toStageId) as string;
      transition.fromLaneId = ref("lanes", transition.fromLaneId);
      transition.toLaneId = ref("lanes", transition.toLaneId) as string;
      transition.actorId = user(transition.actorId);
    } else if (part === "demands") {
      const demand = item as TBoardExport["demands"][number];
      demand.stageId = ref("stages", demand.stageId) as string;
      demand.laneId = ref("lanes", demand.laneId) as string;
      demand.ownerId = user(demand.ownerId);
    }
    return item;
  }

  /**
   * Everything but the lists' items, checked with the document's own schema:
   * each list stands for itself with its first good item (so its type and
   * `min(1)` are checked), a part already reported is not reported twice.
   */
  private checkSkeleton(): void {
    const skeleton: Record<string, unknown> = { ...this.headers };
    for (const part of BOARD_EXPORT_ITEM_PARTS) {
      const token = this.partTokens.get(part);
      const first = this.firstItems[part];
      if (token === TokenType.LEFT_BRACKET) skeleton[part] = first === undefined ? [] : [first];
      else if (token !== undefined) skeleton[part] = standIn(token);
    }
    const root = this.rootToken === TokenType.LEFT_BRACE ? skeleton : standIn(this.rootToken);
    const parsed = ZBoardExportParts.safeParse(root);
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      if (!this.partsWithIssues.has(String(issue.path[0])))
        this.addIssue(issue.path as (string | number)[], issue.message);
    }
  }

  private addZodIssues(at: (string | number)[], error: z.ZodError): void {
    for (const issue of error.issues)
      this.addIssue([...at, ...(issue.path as (string | number)[])], issue.message);
  }

  private addIssue(path: (string | number)[], message: string, field = ["body", ...path].join(".")): void {
    this.partsWithIssues.add(String(path[0]));
    if (this.issues.length < MAX_ISSUES) this.issues.push({ field, message });
    // Nothing of a refused document is kept.
    if (this.issues.length === 1) for (const list of Object.values(this.lists)) list.length = 0;
  }
}

/** A value of the kind a token starts, for the schema to name what it got instead of what it expects. */
function standIn(token: TokenType | null): unknown {
  switch (token) {
    case TokenType.LEFT_BRACE:
      return {};
    case TokenType.LEFT_BRACKET:
      return [];
    case TokenType.STRING:
      return "";
    case TokenType.NUMBER:
      return 0;
    case TokenType.TRUE:
    case TokenType.FALSE:
      return true;
    default:
      return null;
  }
}

function malformedJson(error: Error): AppError {
  return new AppError(
    ErrorCode.MALFORMED_JSON,
    `The body is not a complete board export in JSON (${error.message}); send the file the export wrote, unchanged.`,
  );
}
