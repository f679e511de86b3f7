import { DAY, HOUR, MINUTE, minutes } from "@tideway/domain";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/**
 * A deterministic simulation of a team's last 90 days on the demo board (the
 * 2-1-1 stages with a "Ready for dev" queue after Design: demo-board.ts), so
 * that the dashboard shows real numbers on first start. Demands arrive a few
 * per working day, are pulled through Design, Ready for dev, Development,
 * Testing and Release whenever the next stage has room (hard WIP limits hold
 * at every moment), and the timings give a realistic shape: most delivered
 * within two weeks, a slow tail, defects, releases mostly within the hour.
 *
 * Waiting is as real teams see it (flow efficiency roughly 15-45%): designed
 * work waits days in Ready for dev until a developer pulls it (the next
 * planning, not the moment Development has room), and about a third of the
 * demands are blocked once for half a day to four days in Design, Development
 * or Testing (a decision, another team, an environment). Active stages hold
 * only the hands-on time.
 *
 * Pure: the same seed and `now` give the same history.
 */

export type DemoDemandType = "feature" | "defect" | "chore" | "spike";

export interface DemoEvent {
  at: Date;
  kind: "created" | "moved" | "blocked" | "unblocked";
  fromStage: number | null;
  toStage: number;
  note?: string;
}

export interface DemoDemand {
  number: number;
  title: string;
  type: DemoDemandType;
  size: "S" | "M" | "L";
  lane: number;
  /** Number of the feature a defect belongs to. */
  parentNumber: number | null;
  stage: number;
  events: DemoEvent[];
  blockedReason: string | null;
  blockedAt: Date | null;
}

export interface DemoHistoryOptions {
  seed: number;
  now: Date;
  days?: number;
  /** Hard WIP limit per stage index (null: none), Selection..Done. */
  stageLimits: readonly (number | null)[];
  /** Hard WIP limit per lane index for in-progress work. */
  laneLimits: readonly (number | null)[];
}

const LANE = { expedite: 0, standard: 1, defects: 2 } as const;
const STAGE = { selection: 0, design: 1, ready: 2, development: 3, testing: 4, release: 5, done: 6 } as const;
/** The stages a demand may be blocked in: the active ones, where someone works on it. */
const BLOCKABLE: readonly number[] = [STAGE.design, STAGE.development, STAGE.testing];
const TICK_MS = minutes(15);

const SUBJECTS = [
  "card payments",
  "refund flow",
  "invoice export",
  "payout schedule",
  "fraud checks",
  "checkout page",
  "currency rates",
  "merchant onboarding",
  "settlement report",
  "webhook retries",
  "receipt emails",
  "subscription billing",
  "tax calculation",
  "dispute handling",
  "wallet top-up",
  "audit log",
];
const FEATURE_VERBS = ["Add", "Support", "Redesign", "Speed up", "Automate", "Localise", "Simplify"];
const DEFECT_PHRASES = [
  "fails for",
  "shows wrong totals in",
  "times out in",
  "double-counts",
  "crashes on empty",
];
const CHORES = ["Upgrade the SDK behind", "Remove dead code in", "Add monitoring to", "Document"];
const BLOCK_REASONS = [
  "Waiting for the bank's sandbox credentials",
  "Blocked by the API change in the ledger team",
  "Needs a decision from legal",
  "Test environment is down",
];

interface Simulated extends DemoDemand {
  readyAt: number;
  enteredAt: number;
  /** Days of one blocked spell (0: never blocked), the stage it happens in, and when within the stage's work. */
  blockDays: number;
  blockStage: number;
  blockStartFraction: number;
  blockedUntil: number | null;
  durations: number[];
}

export function generateDemoHistory(options: DemoHistoryOptions): DemoDemand[] {
  const rng = xoroshiro128plus(options.seed);
  const random = () => uniformFloat64(rng);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (low: number, high: number) => low + random() * (high - low);

  const end = Math.floor(options.now.getTime() / TICK_MS) * TICK_MS;
  const start = end - (options.days ?? 90) * DAY;
  const demands: Simulated[] = [];
  const arrivals = planArrivals(start, end, random);

  for (const [index, arrival] of arrivals.entries()) {
    const number = index + 1;
    const roll = random();
    const type: DemoDemandType =
      roll < 0.15 ? "defect" : roll < 0.25 ? "chore" : roll < 0.3 ? "spike" : "feature";
    const lane = type === "defect" ? LANE.defects : random() < 0.06 ? LANE.expedite : LANE.standard;
    const size = type === "spike" ? "S" : pick(["S", "M", "M", "L"] as const);
    const scale = (size === "S" ? 0.6 : size === "M" ? 1 : 1.6) * (lane === LANE.expedite ? 0.5 : 1);
    const slowTail = random() < 0.1 ? between(2, 3.5) : 1;
    const features = demands.filter((demand) => demand.type === "feature");
    const subject = pick(SUBJECTS);
    demands.push({
      number,
      title: titleFor(type, subject, pick),
      type,
      size,
      lane,
      parentNumber: type === "defect" && features.length > 0 ? pick(features).number : null,
      stage: STAGE.selection,
      events: [{ at: new Date(arrival), kind: "created", fromStage: null, toStage: STAGE.selection }],
      blockedReason: null,
      blockedAt: null,
      enteredAt: arrival,
      readyAt: arrival + (lane === LANE.expedite ? between(1, 4) * HOUR : between(0.3, 5) * DAY),
      blockDays: random() < 0.5 ? between(1, 4) : 0,
      blockStage: pick(BLOCKABLE),
      blockStartFraction: random(),
      blockedUntil: null,
      durations: [
        0,
        between(0.2, 0.8) * DAY * scale,
        // Waiting for a developer to pull it: expedite work is pulled the same day.
        lane === LANE.expedite ? between(1, 3) * HOUR : between(1.5, 7) * DAY,
        between(0.5, 1.8) * DAY * scale * slowTail,
        between(0.2, 0.7) * DAY * scale,
        random() < 0.85 ? minutes(between(8, 55)) : between(1.2, 6) * HOUR,
        0,
      ],
    });
  }

  // Every real board has a demand stuck for weeks behind another team, and it is what
  // the SLE alerts are for: the first standard feature of the last five weeks is blocked
  // in Testing until now. Set without drawing a random number, so the rest stays as drawn.
  const stuck = demands.find(
    (demand) =>
      demand.lane === LANE.standard && demand.type === "feature" && demand.enteredAt >= end - 35 * DAY,
  );
  if (stuck) Object.assign(stuck, { blockStage: STAGE.testing, blockDays: 60, blockStartFraction: 0.2 });

  const pending = [...demands];
  for (let now = start; now <= end; now += TICK_MS) {
    const workingHours = isWorkingTime(now);
    applyBlocks(pending, now, random, pick);
    // Finish before starting: pull from the right of the board first.
    for (let target: number = STAGE.done; target >= STAGE.design; target--) {
      // Releases are automated and go out at any hour; people move cards in working hours.
      if (!workingHours && target !== STAGE.done) continue;
      const candidates = pending
        .filter(
          (demand) =>
            demand.stage === target - 1 &&
            demand.readyAt <= now &&
            demand.enteredAt <= now &&
            demand.blockedUntil === null,
        )
        .sort(
          (a, b) =>
            (a.lane === LANE.expedite ? -1 : 0) - (b.lane === LANE.expedite ? -1 : 0) ||
            a.readyAt - b.readyAt,
        );
      for (const demand of candidates) {
        if (!hasRoom(pending, target, demand.lane, options)) continue;
        const at = target === STAGE.done ? demand.readyAt : now;
        demand.events.push({ at: new Date(at), kind: "moved", fromStage: target - 1, toStage: target });
        demand.stage = target;
        demand.enteredAt = at;
        demand.readyAt = at + (demand.durations[target] ?? 0);
        if (target === demand.blockStage && demand.blockDays > 0) {
          demand.readyAt += demand.blockDays * DAY;
        }
      }
    }
  }

  return demands.map(
    ({ number, title, type, size, lane, parentNumber, stage, events, blockedReason, blockedAt }) => ({
      number,
      title,
      type,
      size,
      lane,
      parentNumber,
      stage,
      events: events.filter((event) => event.at.getTime() <= end),
      blockedReason,
      blockedAt,
    }),
  );
}

/** About 3 demands per working day, arriving during office hours. */
function planArrivals(start: number, end: number, random: () => number): number[] {
  const arrivals: number[] = [];
  for (let day = start - (start % DAY); day < end; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const count = Math.floor(random() * 5) + 1;
    for (let i = 0; i < count; i++) {
      const at = day + (8 + random() * 9) * HOUR;
      if (at >= start && at < end) arrivals.push(Math.floor(at / MINUTE) * MINUTE);
    }
  }
  return arrivals.sort((a, b) => a - b);
}

function isWorkingTime(at: number): boolean {
  const date = new Date(at);
  const weekday = date.getUTCDay();
  const hour = date.getUTCHours();
  return weekday !== 0 && weekday !== 6 && hour >= 8 && hour < 18;
}

function hasRoom(demands: Simulated[], target: number, lane: number, options: DemoHistoryOptions): boolean {
  const stageLimit = options.stageLimits[target] ?? null;
  if (stageLimit !== null && demands.filter((d) => d.stage === target).length >= stageLimit) return false;
  const laneLimit = options.laneLimits[lane] ?? null;
  const entersProgress = target === STAGE.design;
  if (entersProgress && laneLimit !== null) {
    const inProgress = demands.filter(
      (d) => d.lane === lane && d.stage >= STAGE.design && d.stage < STAGE.done,
    ).length;
    if (inProgress >= laneLimit) return false;
  }
  return true;
}

/** Starts and ends the blocked spells planned for the active stages. */
function applyBlocks(
  demands: Simulated[],
  now: number,
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
): void {
  for (const demand of demands) {
    if (demand.blockedUntil !== null && demand.blockedUntil <= now) {
      demand.events.push({
        at: new Date(now),
        kind: "unblocked",
        fromStage: demand.stage,
        toStage: demand.stage,
      });
      demand.blockedUntil = null;
      demand.blockedReason = null;
      demand.blockedAt = null;
      demand.blockDays = 0;
      continue;
    }
    if (demand.stage !== demand.blockStage || demand.blockDays === 0 || demand.blockedUntil !== null)
      continue;
    const workTime = demand.durations[demand.blockStage] ?? 0;
    if (now >= demand.enteredAt + demand.blockStartFraction * workTime && isWorkingTime(now)) {
      const reason = pick(BLOCK_REASONS);
      demand.events.push({
        at: new Date(now),
        kind: "blocked",
        fromStage: demand.stage,
        toStage: demand.stage,
        note: reason,
      });
      demand.blockedUntil = now + demand.blockDays * DAY;
      demand.blockedReason = reason;
      demand.blockedAt = new Date(now);
      // Keep the random stream independent of how many blocks happen.
      random();
    }
  }
}

function titleFor(type: DemoDemandType, subject: string, pick: <T>(items: readonly T[]) => T): string {
  switch (type) {
    case "feature":
      return `${pick(FEATURE_VERBS)} ${subject}`;
    case "defect":
      return `${capitalise(subject)} ${pick(DEFECT_PHRASES)} ${pick(["EUR accounts", "large merchants", "leap days", "Safari"])}`;
    case "chore":
      return `${pick(CHORES)} ${subject}`;
    case "spike":
      return `Spike: options for ${subject}`;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
