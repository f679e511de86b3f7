export * from "./committed-stages";
export * from "./service-level-crossing";
export * from "./stage-movement";
export * from "./stuck-flow";
export * from "./where-work-waits";
export * from "./wip-limit-advice";
