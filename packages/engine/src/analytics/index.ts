export * from "./chain/index.ts";
export * from "./dea/index.ts";
export * from "./errors.ts";
export * from "./lp/dense-simplex.ts";
export * from "./regional/index.ts";
export * from "./spatial/index.ts";
export * from "./stats/normal.ts";
export * from "./stats/rng.ts";
