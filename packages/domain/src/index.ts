export * from "./board-template";
export * from "./rank";
