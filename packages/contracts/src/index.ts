export * from "./auth";
export * from "./board";
export * from "./demand";
export * from "./errors";
export * from "./health";
export * from "./metrics";
export * from "./realtime";
export * from "./settings";
