export { constructGifflerThompson } from "./constructive.ts";
export { ScheduleError, type ScheduleErrorCode } from "./errors.ts";
export { lowerBound } from "./lower-bound.ts";
export { compileInstance } from "./model.ts";
export { parseBrandimarte } from "./parse-brandimarte.ts";
export { parseJobShop } from "./parse-jobshop.ts";
export { graphSearchApplies, solveSchedule } from "./solve.ts";
export type * from "./types.ts";
export { type ValidationReport, type Violation, type ViolationKind, validateSchedule } from "./validate.ts";
