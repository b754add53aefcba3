export { type BomGraph, buildBomGraph } from "./bom-graph.ts";
export { economicOrderQuantity, type LotPolicy, lotQuantities, resolveLotPolicy } from "./lot-sizing.ts";
export { MrpError, type MrpErrorCode, type MrpErrorLocation } from "./mrp.errors.ts";
export type * from "./mrp.types.ts";
export { type MrpOptions, type MrpPlan, type PlannedOrderColumns, rowOf, runMrp } from "./mrp-engine.ts";
