import { EngineError } from "../shared/engine-error.ts";

/** Machine-readable reasons an inventory-policy request is refused. */
export type InventoryErrorCode = "INVALID_NUMBER" | "INVALID_SERVICE_TARGET" | "TOO_FEW_OBSERVATIONS";

export class InventoryError extends EngineError<InventoryErrorCode> {
  readonly domain = "inventory";
  constructor(code: InventoryErrorCode, message: string, field?: string) {
    super(code, message, field ? { field } : {});
  }
}
