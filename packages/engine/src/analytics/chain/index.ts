export * from "./coupling.ts";
export * from "./input-output.ts";
export * from "./network.ts";
