export { CapacityError, type CapacityErrorCode } from "./capacity.errors.ts";
export type * from "./capacity.types.ts";
export { balanceLoad, preferredAssignments } from "./load-balance.ts";
export { utilisationReport } from "./utilisation.ts";
export {
  applyCapacityChanges,
  type CapacityChange,
  type Placed,
  type WhatIfResult,
  whatIf,
} from "./what-if.ts";
