export * from "./baseline.fit.ts";
export * from "./synthetic-streams.ts";
export * from "./tail-calibration.ts";
export * from "./warning.detector.ts";
export * from "./warning.types.ts";
export * from "./warning-channels.ts";
