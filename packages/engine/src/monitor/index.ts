export * from "./errors.ts";
export * from "./nab/nab-profiles.ts";
export * from "./nab/nab-scorer.ts";
export * from "./nab/nab-threshold.ts";
