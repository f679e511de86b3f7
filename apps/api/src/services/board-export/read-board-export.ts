/**
 * Reads a board export from a request body as it arrives, for an import that
 * writes it as it reads (import-board-stream.ts): a 96 MiB import grew the
 * server by 1,073 MB and held its event loop for 11 s when it was one
 * string, JSON.parse and zod's copy of everything, and still by 609 MB when
 * it was parsed as a stream but held whole until written (issue 19, target 4).
 *
 * The JSON is tokenised by @streamparser/json, pinned exactly in
 * apps/api/package.json: maintained (releases through 2026), no
 * dependencies, plain ES2020 that runs on Node 20 and 24, and it emits
 * each value at chosen paths (`$.transitions.*`) and drops it from its
 * parent (`keepStack: false`), so only one list item is ever half-built.
 * Each item is validated with the document's own item schema
 * (ZBoardExportParts) and fed to BoardExportReferences, the same
 * cross-reference rules ZBoardExport applies to a whole document, then
 * waits in a batch until `takeWritable` hands it to the writer. An item
 * is handed over only once the board and every part it may refer to have
 * been read to their end (IMPORT_WRITE_ORDER), so its references are
 * already checked; an export lists its parts in that order, so its items
 * wait one batch at most (a document in another order waits longer, and
 * is held, but is still read). Once the document has a problem nothing of
 * it is handed over or kept.
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
import { IMPORT_WRITE_ORDER, type ImportBatch, type ImportWritePart } from "./import-board";

const HEADER_PARTS = ["formatVersion", "exportedAt", "board"] as const;
type HeaderPart = (typeof HEADER_PARTS)[number];
const ITEM_PARTS: ReadonlySet<string> = new Set(BOARD_EXPORT_ITEM_PARTS);
/** Enough to act on; a document with a million bad items still answers with a short list. */
const MAX_ISSUES = 20;

interface Issue {
  field: string;
  message: string;
}

export function bodyTooLarge(limitBytes: number): AppError {
  return new AppError(
    ErrorCode.PAYLOAD_TOO_LARGE,
    `The document is larger than this route accepts (${limitBytes / 1024 / 1024} MiB); move larger boards with npm run backup.`,
  );
}

export class BoardExportReader {
  /**
   * Strings gathered in a buffer and decoded once each: unbuffered, every
   * piece of a string became a view, a decoded string and an entry of an
   * array joined at its end, and the tokenizer allocated 560 of a 24 MiB
   * import's 1,600 MB (sampled allocation profile); buffered, 370.
   */
  private readonly tokenizer = new Tokenizer({ stringBufferSize: 4096 });
  private readonly tokens = new TokenParser({
    paths: [
      ...HEADER_PARTS.map((part) => `$.${part}`),
      ...BOARD_EXPORT_ITEM_PARTS.map((part) => `$.${part}.*`),
    ],
    keepStack: false,
  });
  private readonly references = new BoardExportReferences();
  private readonly headers: Partial<Record<HeaderPart, unknown>> = {};
  /** Items read and checked, not yet handed to the writer. */
  private readonly waiting = Object.fromEntries(
    IMPORT_WRITE_ORDER.map((part) => [part, [] as unknown[]]),
  ) as {
    [Part in ImportWritePart]: TBoardExport[Part][number][];
  };
  /** Top-level parts read to their end. */
  private readonly closedParts = new Set<string>();
  private readonly seenParts = new Set<string>();
  /** Body bytes read since the writer last took a batch. */
  bytesSinceTake = 0;
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
  /** How many of `issues` are reference problems (see noteReferenceIssues). */
  private referenceIssues = 0;
  private readonly partsWithIssues = new Set<string>();
  private readonly firstItems: Partial<Record<TBoardExportItemPart, unknown>> = {};
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
    } else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) {
      this.path.pop();
      if (this.path.length === 1) this.closePart(String(this.path[0]));
    } else if (token === TokenType.COMMA && typeof this.path[top] === "number") this.path[top]++;
    else if (token === TokenType.COLON) this.path[top] = this.lastString;
    else if (token === TokenType.STRING) this.lastString = value as string;
  }

  private noteOutline(token: TokenType, value: unknown): void {
    if (this.rootToken === null) this.rootToken = token;
    if (this.depth !== 1) return;
    if (this.partStarting !== null) {
      this.partTokens.set(this.partStarting, token);
      if (token !== TokenType.LEFT_BRACE && token !== TokenType.LEFT_BRACKET)
        this.closePart(this.partStarting);
      this.partStarting = null;
    } else if (token === TokenType.COLON && this.lastKey !== null) {
      // JSON.parse would keep the last copy; written as read, the first is already stored.
      if (this.seenParts.has(this.lastKey)) this.addIssue([this.lastKey], "is given twice");
      this.seenParts.add(this.lastKey);
      this.partStarting = this.lastKey;
    } else if (token === TokenType.STRING) this.lastKey = value as string;
  }

  write(chunk: Uint8Array): void {
    this.bytesSinceTake += chunk.byteLength;
    try {
      if (this.malformed === null) this.tokenizer.write(chunk);
    } catch (error) {
      this.malformed ??= error as Error;
    }
    if (this.refusal !== null) throw this.refusal;
    if (this.malformed !== null) throw malformedJson(this.malformed);
  }

  /** The document has a problem: nothing more is handed over, and `end` answers 400. */
  get refused(): boolean {
    return this.issues.length > 0;
  }

  /** The exported board, once read and valid. */
  get board(): TBoardExport["board"] | undefined {
    return this.headers.board as TBoardExport["board"] | undefined;
  }

  /** How many items `takeWritable` would hand over now. */
  get writableItems(): number {
    let count = 0;
    for (const part of IMPORT_WRITE_ORDER) if (this.writable(part)) count += this.waiting[part].length;
    return count;
  }

  /** The items the writer may write now, each part's in document order and the parts in IMPORT_WRITE_ORDER. */
  takeWritable(): ImportBatch[] {
    this.bytesSinceTake = 0;
    const batches: ImportBatch[] = [];
    for (const part of IMPORT_WRITE_ORDER) {
      if (!this.writable(part) || this.waiting[part].length === 0) continue;
      batches.push({ part, items: this.waiting[part] } as ImportBatch);
      this.waiting[part] = [];
    }
    return batches;
  }

  /** Checks the whole document once read: 400 on any problem found; afterwards every item is writable. */
  end(): void {
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
  }

  /** A part may be written once the board exists and every part it may refer to has been read. */
  private writable(part: ImportWritePart): boolean {
    if (this.issues.length > 0 || this.headers.board === undefined) return false;
    for (const earlier of IMPORT_WRITE_ORDER) {
      if (earlier === part) return true;
      if (!this.closedParts.has(earlier)) return false;
    }
    return true;
  }

  private closePart(part: string): void {
    this.closedParts.add(part);
    if (!ITEM_PARTS.has(part)) return;
    this.references.settle(part as TBoardExportItemPart);
    this.noteReferenceIssues();
  }

  /**
   * A reference problem found while reading (a dangling id into a part read to
   * its end, a repeated id) refuses the document before its item is written.
   * As ZBoardExport, references are judged only in a document whose items are
   * well-formed (a refused stage would otherwise make every reference to it dangle).
   */
  private noteReferenceIssues(): void {
    for (const { path, message } of this.references.takeIssues()) {
      if (this.issues.length > this.referenceIssues) return;
      this.referenceIssues++;
      this.addIssue(path, message);
    }
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
    this.noteReferenceIssues();
    this.firstItems[part] ??= parsed.data;
    // Items are kept only while the document is still good: a bad one makes it a 400 anyway.
    // Members are checked but not kept: an import does not read them (import-board.ts).
    if (this.issues.length === 0 && part !== "members") this.waiting[part].push(parsed.data as never);
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
    if (this.issues.length === 1) for (const part of IMPORT_WRITE_ORDER) this.waiting[part] = [];
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
