import { EngineError } from "../shared/engine-error.ts";

/** Machine-readable reasons bad MRP input is rejected. */
export type MrpErrorCode =
  | "UNKNOWN_ITEM"
  | "DUPLICATE_ITEM"
  | "NEGATIVE_QUANTITY"
  | "INVALID_NUMBER"
  | "INVALID_PERIOD"
  | "INVALID_LOT_RULE"
  | "INVALID_SCRAP"
  | "BOM_CYCLE"
  | "EMPTY_INPUT";

/** Where in the input the problem sits, so a file reader can point at sheet/row/column. */
export interface MrpErrorLocation {
  section: "items" | "bom" | "demand" | "receipts" | "horizon";
  index: number;
  field?: string;
}

export class MrpError extends EngineError<MrpErrorCode> {
  readonly domain = "mrp";
  constructor(
    code: MrpErrorCode,
    message: string,
    readonly at?: MrpErrorLocation,
    /** For BOM_CYCLE: the item ids along the cycle, first repeated at the end. */
    readonly cycle?: string[],
  ) {
    super(code, message, at ? { field: `${at.section}[${at.index}]${at.field ? `.${at.field}` : ""}` } : {});
  }
}
