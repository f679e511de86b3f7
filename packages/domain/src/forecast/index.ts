export * from "./daily-throughput-samples";
export * from "./monte-carlo-forecast";
export * from "./outcome-histogram";
