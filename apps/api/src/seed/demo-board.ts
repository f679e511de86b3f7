import { type TemplateStage, TWO_ONE_ONE_STAGES } from "@tideway/domain";

/**
 * The demo board's stages: the 2-1-1 template with one queue stage, "Ready
 * for dev", between Design and Development. Designed work waits there for a
 * developer to pull it, as it does on real teams' boards; without a queue
 * inside the committed stream all waiting would hide in active columns and
 * flow efficiency would read 95-99% (issue 16). Boundaries stay where the
 * template puts them: commitment at Design, development from Development to
 * Release, delivered at Done.
 */
export const DEMO_STAGES: readonly TemplateStage[] = [
  ...TWO_ONE_ONE_STAGES.slice(0, 2),
  { name: "Ready for dev", kind: "queue", wipLimit: null, wipPolicy: "soft", boundary: null, criteria: [] },
  ...TWO_ONE_ONE_STAGES.slice(2),
];
