export * from "./types";
export * from "./fields";
export * from "./defaults";
export * from "./parse";
export * from "./serialize";
export * from "./jsonSchema";
export * from "./text";
export * from "./limits";
export { MESSAGES as SCENARIO_MESSAGES } from "./messages";
