export * from "./geary.ts";
export * from "./lisa.ts";
export * from "./moran.ts";
export * from "./weight-sums.ts";
export * from "./weights.ts";
