import { randomUUID } from "node:crypto";
import { DAY, HOUR, MINUTE, ranksAfter } from "@tideway/domain";
import type pg from "pg";

/**
 * A large, realistic board history for the metrics benchmark, written with
 * `pg` and `INSERT ... SELECT FROM unnest(...)` in chunks (tens of thousands
 * of rows per statement), not through Prisma row by row.
 *
 * Each demand is created in Selection over the last two years, waits, then
 * flows Design -> Development -> Testing (sent back to Development for
 * rework about a third of the time) -> Release -> Done, with blocked /
 * unblocked pairs in the active stages, a few lane changes (escalated to
 * Expedite) and a few abandoned (archived) in Selection. Histories stop at
 * `now`, so recent demands are still in progress. Half of the delivered
 * demands have pipeline events (commit, merge, release) naming their key.
 * Transitions are inserted in time order, so their ids follow `at` as they
 * would on a live board.
 */

export interface FixtureBoard {
  id: string;
  key: string;
  /** In position order: Selection, Design, Development, Testing, Release, Done. */
  stageIds: string[];
  /** Expedite, Standard, Defects. */
  laneIds: string[];
}

export interface FixtureOptions {
  demands: number;
  now: number;
  seed?: number;
  /** Every `parkEvery`-th demand stops on entering Release, so moves to Done have candidates. */
  parkEvery?: number;
}

export interface LoadedFixture {
  demands: number;
  transitions: number;
  codeEvents: number;
  /** Demands sitting in Release at `now`. */
  inRelease: string[];
  loadMs: number;
}

const [SELECTION, DESIGN, DEVELOPMENT, TESTING, RELEASE, DONE] = [0, 1, 2, 3, 4, 5] as const;
const [EXPEDITE, STANDARD, DEFECTS] = [0, 1, 2] as const;
const KINDS = ["created", "moved", "blocked", "unblocked", "archived", "restored"] as const;
const [CREATED, MOVED, BLOCKED, UNBLOCKED, ARCHIVED] = [0, 1, 2, 3, 4] as const;
const TYPES = ["feature", "defect", "chore", "spike"] as const;
const CHUNK = 25_000;

/** Column-wise event store: a million objects would dominate the loader's time and memory. */
class EventColumns {
  length = 0;
  demand = new Int32Array(1 << 20);
  kind = new Uint8Array(1 << 20);
  fromStage = new Int8Array(1 << 20);
  toStage = new Int8Array(1 << 20);
  fromLane = new Int8Array(1 << 20);
  toLane = new Int8Array(1 << 20);
  at = new Float64Array(1 << 20);

  push(
    demand: number,
    kind: number,
    fromStage: number,
    toStage: number,
    fromLane: number,
    toLane: number,
    at: number,
  ) {
    if (this.length === this.demand.length) this.grow();
    const i = this.length++;
    this.demand[i] = demand;
    this.kind[i] = kind;
    this.fromStage[i] = fromStage;
    this.toStage[i] = toStage;
    this.fromLane[i] = fromLane;
    this.toLane[i] = toLane;
    this.at[i] = at;
  }

  private grow() {
    const size = this.demand.length * 2;
    const grown = <T extends Int32Array | Uint8Array | Int8Array | Float64Array>(array: T): T => {
      const next = new (array.constructor as new (n: number) => T)(size);
      next.set(array);
      return next;
    };
    this.demand = grown(this.demand);
    this.kind = grown(this.kind);
    this.fromStage = grown(this.fromStage);
    this.toStage = grown(this.toStage);
    this.fromLane = grown(this.fromLane);
    this.toLane = grown(this.toLane);
    this.at = grown(this.at);
  }
}

interface DemandRow {
  id: string;
  number: number;
  type: string;
  stage: number;
  lane: number;
  createdAt: number;
  updatedAt: number;
  enteredStageAt: number;
  committedAt: number | null;
  archivedAt: number | null;
  blockedAt: number | null;
}

interface CodeEventRow {
  demand: number;
  kind: "commit" | "merge" | "release";
  at: number;
}

export async function loadMetricsFixture(
  client: pg.ClientBase,
  board: FixtureBoard,
  actorId: string,
  options: FixtureOptions,
): Promise<LoadedFixture> {
  const started = performance.now();
  const random = mulberry32(options.seed ?? 211);
  const parkEvery = options.parkEvery ?? 500;
  const events = new EventColumns();
  const demands: DemandRow[] = [];
  const codeEvents: CodeEventRow[] = [];
  const inRelease: string[] = [];
  const exponential = (mean: number) => -Math.log(1 - random()) * mean;

  for (let index = 0; index < options.demands; index++) {
    const type = TYPES[random() < 0.7 ? 0 : random() < 0.7 ? 1 : random() < 0.5 ? 2 : 3] ?? "feature";
    let lane: number = type === "defect" ? DEFECTS : random() < 0.03 ? EXPEDITE : STANDARD;
    const createdAt = Math.round(options.now - 730 * DAY + random() * 729 * DAY);
    let at = createdAt;
    let stage: number = SELECTION;
    let enteredStageAt = at;
    let committedAt: number | null = null;
    let archivedAt: number | null = null;
    let blockedAt: number | null = null;
    let releaseEntry = 0;
    const park = index % parkEvery === parkEvery - 1;
    events.push(index, CREATED, -1, SELECTION, -1, lane, at);

    const move = (to: number, after: number): boolean => {
      const next = Math.round(at + after);
      if (next >= options.now) return false;
      at = next;
      events.push(index, MOVED, stage, to, lane, lane, at);
      stage = to;
      enteredStageAt = at;
      if (committedAt === null && to >= DESIGN) committedAt = at;
      if (to === RELEASE) releaseEntry = at;
      return true;
    };
    /** A stay in an active stage, maybe interrupted by a block, or an escalation to Expedite. */
    const work = (mean: number): boolean => {
      const stay = exponential(mean);
      if (random() < 0.45) {
        const blockAt = Math.round(at + stay * random());
        if (blockAt >= options.now) return false;
        events.push(index, BLOCKED, stage, stage, lane, lane, blockAt);
        const unblockAt = Math.round(blockAt + exponential(DAY));
        if (unblockAt >= options.now) {
          blockedAt = blockAt;
          return false;
        }
        events.push(index, UNBLOCKED, stage, stage, lane, lane, unblockAt);
        at = Math.max(at, unblockAt);
      }
      if (lane === STANDARD && random() < 0.02) {
        const escalateAt = Math.round(at + stay * 0.1);
        if (escalateAt >= options.now) return false;
        events.push(index, MOVED, stage, stage, lane, EXPEDITE, escalateAt);
        lane = EXPEDITE;
        at = escalateAt;
      }
      return true;
    };

    /** The demand's way across the board, until it ends or reaches `now`. */
    const flow = (): void => {
      if (random() < 0.04) {
        const abandonAt = Math.round(at + exponential(20 * DAY));
        if (abandonAt < options.now) {
          events.push(index, ARCHIVED, SELECTION, SELECTION, lane, lane, abandonAt);
          archivedAt = abandonAt;
        }
        return;
      }
      if (!move(DESIGN, exponential(6 * DAY)) || !work(1.5 * DAY)) return;
      if (!move(DEVELOPMENT, exponential(DAY)) || !work(3 * DAY)) return;
      if (!move(TESTING, exponential(0.5 * DAY)) || !work(DAY)) return;
      while (random() < 0.33) {
        if (!move(DEVELOPMENT, exponential(HOUR * 4)) || !work(DAY)) return;
        if (!move(TESTING, exponential(HOUR * 4)) || !work(0.5 * DAY)) return;
      }
      if (!move(RELEASE, exponential(HOUR * 6))) return;
      if (park) return;
      const releaseAt = at + exponential(HOUR);
      if (!move(DONE, releaseAt - at + exponential(10 * MINUTE))) return;
      if (random() < 0.5) {
        codeEvents.push({ demand: index, kind: "commit", at: Math.round(releaseEntry - exponential(DAY)) });
        codeEvents.push({ demand: index, kind: "merge", at: Math.round(releaseEntry - exponential(HOUR)) });
        codeEvents.push({ demand: index, kind: "release", at: Math.round(releaseAt) });
      }
    };
    flow();

    const id = randomUUID();
    if (stage === RELEASE && archivedAt === null) inRelease.push(id);
    demands.push({
      id,
      number: index + 1,
      type,
      stage,
      lane,
      createdAt,
      updatedAt: Math.max(at, blockedAt ?? 0, archivedAt ?? 0),
      enteredStageAt,
      committedAt,
      archivedAt,
      blockedAt,
    });
  }

  // Foreign keys are checked by triggers; the generated rows are consistent by construction.
  await client.query("SET session_replication_role = replica");
  await insertDemands(client, board, demands);
  await insertTransitions(client, board, actorId, demands, events);
  await insertCodeEvents(client, board, demands, codeEvents);
  await client.query("SET session_replication_role = DEFAULT");
  await client.query("UPDATE boards SET seq = seq + 1, next_demand_number = $2 WHERE id = $1", [
    board.id,
    options.demands + 1,
  ]);
  await client.query("VACUUM ANALYZE");
  return {
    demands: demands.length,
    transitions: events.length,
    codeEvents: codeEvents.length,
    inRelease,
    loadMs: performance.now() - started,
  };
}

async function insertDemands(client: pg.ClientBase, board: FixtureBoard, demands: DemandRow[]) {
  // Valid fractional index keys in number order: moves compute new keys from their neighbours'.
  const ranks = ranksAfter(null, demands.length);
  for (let start = 0; start < demands.length; start += CHUNK) {
    const rows = demands.slice(start, start + CHUNK);
    const ms = (value: number | null) => (value === null ? null : value);
    await client.query(
      `INSERT INTO demands (id, board_id, number, title, type, stage_id, lane_id, rank, blocked, blocked_at,
         archived_at, entered_stage_at, committed_at, created_at, updated_at)
       SELECT id, $1, number, 'Demand ' || number, type::"DemandType", stage_id, lane_id,
         rank, blocked_at IS NOT NULL, to_timestamp(blocked_at / 1000.0),
         to_timestamp(archived_at / 1000.0), to_timestamp(entered / 1000.0), to_timestamp(committed / 1000.0),
         to_timestamp(created / 1000.0), to_timestamp(updated / 1000.0)
       FROM unnest($2::uuid[], $3::int[], $4::text[], $5::uuid[], $6::uuid[], $7::float8[], $8::float8[],
         $9::float8[], $10::float8[], $11::float8[], $12::float8[], $13::text[])
         AS t(id, number, type, stage_id, lane_id, blocked_at, archived_at, entered, committed, created, updated,
           rank)`,
      [
        board.id,
        rows.map((d) => d.id),
        rows.map((d) => d.number),
        rows.map((d) => d.type),
        rows.map((d) => board.stageIds[d.stage]),
        rows.map((d) => board.laneIds[d.lane]),
        rows.map((d) => ms(d.blockedAt)),
        rows.map((d) => ms(d.archivedAt)),
        rows.map((d) => d.enteredStageAt),
        rows.map((d) => ms(d.committedAt)),
        rows.map((d) => d.createdAt),
        rows.map((d) => d.updatedAt),
        ranks.slice(start, start + CHUNK),
      ],
    );
  }
}

async function insertTransitions(
  client: pg.ClientBase,
  board: FixtureBoard,
  actorId: string,
  demands: DemandRow[],
  events: EventColumns,
) {
  const order = new Uint32Array(events.length).map((_, i) => i);
  order.sort((a, b) => (events.at[a] ?? 0) - (events.at[b] ?? 0) || a - b);
  const stage = (index: number) => board.stageIds[index] ?? null;
  const lane = (index: number) => board.laneIds[index] ?? null;
  for (let start = 0; start < order.length; start += CHUNK) {
    const rows = Array.from(order.subarray(start, start + CHUNK));
    await client.query(
      `INSERT INTO transitions (board_id, demand_id, kind, from_stage_id, to_stage_id, from_lane_id, to_lane_id,
         at, actor_id, note)
       SELECT $1, demand_id, kind::"TransitionKind", from_stage, to_stage, from_lane, to_lane,
         to_timestamp(at / 1000.0), $2, CASE WHEN kind = 'blocked' THEN 'waiting on a dependency' END
       FROM unnest($3::uuid[], $4::text[], $5::uuid[], $6::uuid[], $7::uuid[], $8::uuid[], $9::float8[])
         WITH ORDINALITY AS t(demand_id, kind, from_stage, to_stage, from_lane, to_lane, at, n)
       ORDER BY n`,
      [
        board.id,
        actorId,
        rows.map((i) => demands[events.demand[i] ?? 0]?.id),
        rows.map((i) => KINDS[events.kind[i] ?? 0]),
        rows.map((i) => stage(events.fromStage[i] ?? -1)),
        rows.map((i) => stage(events.toStage[i] ?? -1)),
        rows.map((i) => lane(events.fromLane[i] ?? -1)),
        rows.map((i) => lane(events.toLane[i] ?? -1)),
        rows.map((i) => events.at[i]),
      ],
    );
  }
}

async function insertCodeEvents(
  client: pg.ClientBase,
  board: FixtureBoard,
  demands: DemandRow[],
  codeEvents: CodeEventRow[],
) {
  for (let start = 0; start < codeEvents.length; start += CHUNK) {
    const rows = codeEvents.slice(start, start + CHUNK);
    const ids = rows.map(() => randomUUID());
    const keys = rows.map((row) => `${board.key}-${(demands[row.demand]?.number ?? 0).toString()}`);
    await client.query(
      `INSERT INTO code_events (id, board_id, source, delivery_id, kind, sha, demand_keys, at, received_at)
       SELECT id, $1, 'generic', id::text, kind::"CodeEventKind", md5(id::text), ARRAY[demand_key],
         to_timestamp(at / 1000.0), to_timestamp(at / 1000.0)
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::float8[]) AS t(id, kind, demand_key, at)`,
      [board.id, ids, rows.map((row) => row.kind), keys, rows.map((row) => row.at)],
    );
    await client.query(
      `INSERT INTO code_event_demands (code_event_id, demand_id)
       SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
      [ids, rows.map((row) => demands[row.demand]?.id)],
    );
  }
}

/** A small, fast, seedable generator, so every run loads the same history. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
