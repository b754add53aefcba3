export * from "./dea/index.ts";
export * from "./errors.ts";
export * from "./lp/dense-simplex.ts";
