export * from "./board-template";
export * from "./move-rules";
export * from "./rank";
