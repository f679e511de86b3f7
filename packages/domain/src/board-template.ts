/**
 * The "2-1-1" board template: the value stream of DESIGN.md with its entry and
 * exit criteria, swim lanes and WIP limits. New boards created from the
 * template and the demo seed both use it.
 */
export interface TemplateStage {
  name: string;
  kind: "queue" | "active" | "done";
  wipLimit: number | null;
  wipPolicy: "hard" | "soft";
  boundary: "commitment" | "development_start" | "development_end" | "delivered" | null;
  criteria: { text: string; phase: "entry" | "exit"; required: boolean }[];
}

export interface TemplateLane {
  name: string;
  wipLimit: number | null;
  wipPolicy: "hard" | "soft";
}

export const TWO_ONE_ONE_STAGES: readonly TemplateStage[] = [
  { name: "Selection", kind: "queue", wipLimit: null, wipPolicy: "soft", boundary: null, criteria: [] },
  {
    name: "Design",
    kind: "active",
    wipLimit: 5,
    wipPolicy: "hard",
    boundary: "commitment",
    criteria: [
      { text: "User flow known", phase: "entry", required: true },
      { text: "Demand small enough to deliver in two weeks", phase: "entry", required: true },
    ],
  },
  {
    name: "Development",
    kind: "active",
    wipLimit: 8,
    wipPolicy: "hard",
    boundary: "development_start",
    criteria: [
      { text: "Acceptance rules written", phase: "entry", required: true },
      { text: "Dependencies identified", phase: "entry", required: true },
      { text: "Code reviewed", phase: "exit", required: true },
    ],
  },
  {
    name: "Testing",
    kind: "active",
    wipLimit: 5,
    wipPolicy: "hard",
    boundary: null,
    criteria: [{ text: "Acceptance rules pass", phase: "exit", required: true }],
  },
  {
    name: "Release",
    kind: "queue",
    wipLimit: 4,
    wipPolicy: "soft",
    boundary: "development_end",
    criteria: [],
  },
  { name: "Done", kind: "done", wipLimit: null, wipPolicy: "soft", boundary: "delivered", criteria: [] },
];

export const TWO_ONE_ONE_LANES: readonly TemplateLane[] = [
  { name: "Expedite", wipLimit: 1, wipPolicy: "hard" },
  { name: "Standard", wipLimit: null, wipPolicy: "hard" },
  { name: "Defects", wipLimit: 3, wipPolicy: "soft" },
];

/**
 * The "empty" template: one stage of each kind. Work is committed when it
 * starts ("Doing"), not when it is written down ("To do" is the backlog, so
 * its cards carry no age); "Done" means delivered.
 */
export const EMPTY_BOARD_STAGES: readonly TemplateStage[] = [
  { name: "To do", kind: "queue", wipLimit: null, wipPolicy: "soft", boundary: null, criteria: [] },
  { name: "Doing", kind: "active", wipLimit: null, wipPolicy: "hard", boundary: "commitment", criteria: [] },
  { name: "Done", kind: "done", wipLimit: null, wipPolicy: "soft", boundary: "delivered", criteria: [] },
];
