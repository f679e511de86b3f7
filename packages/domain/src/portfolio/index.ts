export * from "./acceptance-gate";
export * from "./business-board-template";
export * from "./child-progress";
export * from "./portfolio-flow";
