export * from "./types";
export * from "./fields";
export * from "./defaults";
export * from "./parse";
export * from "./serialize";
export * from "./jsonSchema";
export { MESSAGES as SCENARIO_MESSAGES } from "./messages";
export * from "./paths";
