/**
 * The raw-SQL baseline of `POST /api/demands/:id/move` (issue 9, item 5): the
 * token lookup, then the app's own move statement (`tideway_move_demand`,
 * apps/api/src/services/demands/move-statement.ts: role, idempotency, locks,
 * WIP limits, criteria, rank, the update, the Transition, the board's seq and
 * the idempotent answer in one round trip) and the same reply, with
 * node:http and `pg` alone: no Fastify or Prisma. The benchmark drives it
 * exactly as it drives the app, so the ratio of the two is the framework and
 * ORM overhead. Not a product path; it does not broadcast.
 *
 * Run as a child process: DATABASE_URL and PORT in the environment.
 */
import http from "node:http";
import pg from "pg";
import { hashSecret } from "../apps/api/src/auth/tokens";
import {
  MOVE_STATEMENT,
  type MoveAnswer,
  moveResultOf,
  moveStatementValues,
  refusalError,
} from "../apps/api/src/services/demands/move-statement";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const MOVE_PATH = /^\/api\/demands\/([0-9a-f-]{36})\/move$/;

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

interface MoveBody {
  toStageId: string;
  toLaneId?: string;
  expectedVersion?: number;
  idempotencyKey?: string;
}

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    handle(request, Buffer.concat(chunks).toString("utf8"))
      .then((body) => reply(response, 200, body))
      .catch((error: unknown) => {
        if (error instanceof Refusal)
          reply(response, error.status, { code: error.code, message: error.code });
        else reply(response, 500, { code: "INTERNAL", message: String(error) });
      });
  });
});

function reply(response: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}

async function handle(request: http.IncomingMessage, text: string): Promise<unknown> {
  const demandId = MOVE_PATH.exec(request.url ?? "")?.[1];
  if (request.method !== "POST" || !demandId) throw new Refusal(404, "NOT_FOUND");
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
  if (!token) throw new Refusal(401, "UNAUTHENTICATED");
  const caller = await pool.query<{ user_id: string }>(
    `SELECT t.user_id FROM api_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = $1 AND (t.expires_at IS NULL OR t.expires_at > now())`,
    [hashSecret(token)],
  );
  const actorId = caller.rows[0]?.user_id;
  if (!actorId) throw new Refusal(401, "UNAUTHENTICATED");
  const body = JSON.parse(text) as MoveBody;
  if (typeof body.toStageId !== "string") throw new Refusal(400, "VALIDATION_FAILED");

  const answer = await moveThroughStatement(actorId, demandId, body);
  if ("refusal" in answer) {
    const error = refusalError(answer, body.expectedVersion);
    throw new Refusal(error.status, error.code);
  }
  if ("gate" in answer) throw new Refusal(409, "CHILDREN_UNDELIVERED");
  return moveResultOf("moved" in answer ? answer.moved : answer.earlier, answer.boardKey);
}

/** The app's own move statement (move-statement.ts), sent with `pg` alone. */
async function moveThroughStatement(actorId: string, demandId: string, body: MoveBody): Promise<MoveAnswer> {
  const values = moveStatementValues({
    actorId,
    demandId,
    toStageId: body.toStageId,
    toLaneId: body.toLaneId,
    expectedVersion: body.expectedVersion,
    idempotencyKey: body.idempotencyKey,
    now: new Date(),
    gateChecked: false,
  });
  const result = await pool.query<{ answer: MoveAnswer }>(MOVE_STATEMENT, values);
  return result.rows[0]?.answer as MoveAnswer;
}

server.listen(Number(process.env.PORT), "127.0.0.1", () => {
  console.log(`raw move server listening on ${process.env.PORT}`);
});
process.once("SIGTERM", () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
