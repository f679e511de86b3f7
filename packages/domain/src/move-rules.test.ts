import { describe, expect, it } from "vitest";
import {
  type CriterionRule,
  exitCriteriaApply,
  isInProgressStage,
  limitsCheckedOnMove,
  needsOpenDependencyCount,
  type StageRule,
  unmetCriteria,
  unmetCriteriaMessage,
  wipVerdict,
} from "./move-rules";

const stage = (position: number, overrides: Partial<StageRule> = {}): StageRule => ({
  id: `s${position}`,
  name: `Stage ${position}`,
  position,
  kind: "active",
  wipLimit: null,
  wipPolicy: "hard",
  boundary: null,
  ...overrides,
});

const board = [
  stage(0, { name: "Selection", kind: "queue" }),
  stage(1, { name: "Design", boundary: "commitment" }),
  stage(2, { name: "Development" }),
  stage(3, { name: "Release", kind: "queue" }),
  stage(4, { name: "Done", kind: "done", boundary: "delivered" }),
];

describe("wipVerdict", () => {
  it("lets a demand in below the limit and when there is no limit", () => {
    expect(wipVerdict({ name: "Testing", wipLimit: 3, wipPolicy: "hard" }, 2)).toEqual({ outcome: "within" });
    expect(wipVerdict({ name: "Testing", wipLimit: null, wipPolicy: "hard" }, 99)).toEqual({
      outcome: "within",
    });
  });

  it("refuses a hard-limited stage that is full, in words", () => {
    expect(wipVerdict({ name: "Testing", wipLimit: 3, wipPolicy: "hard" }, 3)).toEqual({
      outcome: "refused",
      message: "Testing is at its WIP limit of 3.",
      limit: 3,
      count: 3,
    });
  });

  it("allows but flags a soft-limited stage that is full", () => {
    const verdict = wipVerdict({ name: "Release", wipLimit: 2, wipPolicy: "soft" }, 2);
    expect(verdict.outcome).toBe("over-soft-limit");
  });

  it("names lanes as lanes", () => {
    const verdict = wipVerdict({ name: "Expedite", wipLimit: 1, wipPolicy: "hard" }, 1, "lane");
    expect(verdict).toMatchObject({ message: "The Expedite lane is at its WIP limit of 1." });
  });

  it("treats a limit of zero as a closed stage", () => {
    expect(wipVerdict({ name: "Frozen", wipLimit: 0, wipPolicy: "hard" }, 0).outcome).toBe("refused");
  });
});

describe("isInProgressStage", () => {
  it("counts stages from the commitment point up to delivery", () => {
    expect(board.map((s) => isInProgressStage(s, board))).toEqual([false, true, true, true, false]);
  });
});

describe("limitsCheckedOnMove", () => {
  const [selection, design, development, release] = board as [StageRule, StageRule, StageRule, StageRule];
  const move = (from: StageRule, to: StageRule, fromLaneId = "standard", toLaneId = "standard") =>
    limitsCheckedOnMove({ from, to, fromLaneId, toLaneId }, board);

  it("checks the target stage on a change of stage only", () => {
    expect(move(design, development).stage).toBe(true);
    expect(move(development, development, "standard", "expedite").stage).toBe(false);
    expect(move(development, development)).toEqual({ stage: false, lane: false });
  });

  it("checks the lane when the demand starts counting as its work in progress", () => {
    expect(move(selection, design).lane).toBe(true);
    expect(move(design, development).lane).toBe(false);
    expect(move(development, development, "standard", "expedite").lane).toBe(true);
    expect(move(development, release).lane).toBe(false);
  });
});

describe("criteria", () => {
  const criteria: CriterionRule[] = [
    { id: "c1", stageId: "s1", text: "User flow known", phase: "entry", required: true },
    { id: "c2", stageId: "s1", text: "Acceptance rules written", phase: "entry", required: true },
    { id: "c3", stageId: "s1", text: "Nice to have", phase: "entry", required: false },
    { id: "c4", stageId: "s1", text: "Code reviewed", phase: "exit", required: true },
  ];

  it("lists the required criteria not yet checked", () => {
    expect(unmetCriteria(criteria, "s1", "entry", new Set(["c1"])).map((c) => c.id)).toEqual(["c2"]);
    expect(unmetCriteria(criteria, "s1", "exit", new Set()).map((c) => c.id)).toEqual(["c4"]);
    expect(unmetCriteria(criteria, "s2", "entry", new Set())).toEqual([]);
  });

  it("meets a 'no open dependencies' criterion by the open count, not by ticks", () => {
    const waiting: CriterionRule = {
      id: "c5",
      stageId: "s2",
      text: "Dependencies delivered",
      phase: "entry",
      required: true,
      kind: "no_open_dependencies",
    };
    const all = [...criteria, waiting];
    expect(unmetCriteria(all, "s2", "entry", new Set(["c5"]), 1).map((c) => c.id)).toEqual(["c5"]);
    expect(unmetCriteria(all, "s2", "entry", new Set(), 0)).toEqual([]);
    expect(needsOpenDependencyCount(all)).toBe(true);
    expect(needsOpenDependencyCount(criteria)).toBe(false);
    expect(needsOpenDependencyCount([{ ...waiting, required: false }])).toBe(false);
  });

  it("says what is missing in one sentence", () => {
    const unmet = unmetCriteria(criteria, "s1", "entry", new Set());
    expect(unmetCriteriaMessage("Design", unmet, "entry")).toBe(
      "Design needs: user flow known, acceptance rules written.",
    );
  });

  it("applies exit criteria only when moving forward", () => {
    expect(exitCriteriaApply(board[2] as StageRule, board[3] as StageRule)).toBe(true);
    expect(exitCriteriaApply(board[2] as StageRule, board[1] as StageRule)).toBe(false);
  });
});
