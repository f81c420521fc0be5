export * from "./limits";
export * from "./s2d";
