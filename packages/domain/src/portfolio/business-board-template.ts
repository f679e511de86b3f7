import type { TemplateLane, TemplateStage } from "../board-template";

/**
 * A portfolio's business-demand board: the value stream of a business
 * demand, from selection to release. Its boundaries put the business
 * delivery cycle time (DESIGN "Metrics", across teams) from Analysis, the
 * commitment point, to Released; "In delivery" is where the product demands
 * on the team boards are built, and Acceptance (the development-end
 * boundary) is the acceptance gate (`acceptanceGateRank`). Configurable
 * afterwards like any board.
 */
export const BUSINESS_BOARD_STAGES: readonly TemplateStage[] = [
  { name: "Selection", kind: "queue", wipLimit: null, wipPolicy: "soft", boundary: null, criteria: [] },
  {
    name: "Analysis",
    kind: "active",
    wipLimit: 5,
    wipPolicy: "hard",
    boundary: "commitment",
    criteria: [],
  },
  {
    name: "In delivery",
    kind: "active",
    wipLimit: 8,
    wipPolicy: "hard",
    boundary: "development_start",
    criteria: [],
  },
  {
    name: "Acceptance",
    kind: "active",
    wipLimit: 5,
    wipPolicy: "hard",
    boundary: "development_end",
    criteria: [],
  },
  { name: "Released", kind: "done", wipLimit: null, wipPolicy: "soft", boundary: "delivered", criteria: [] },
];

export const BUSINESS_BOARD_LANES: readonly TemplateLane[] = [
  { name: "Standard", wipLimit: null, wipPolicy: "hard" },
];
