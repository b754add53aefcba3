import { EngineError } from "../shared/engine-error.ts";

export type ExchangeErrorCode = "INVALID_WINDOW" | "INVALID_NUMBER";

/** Input the capacity-exchange computations cannot work with (a window ending before it starts, …). */
export class ExchangeError extends EngineError<ExchangeErrorCode> {
  readonly domain = "exchange";
  constructor(code: ExchangeErrorCode, message: string, field?: string) {
    super(code, message, field === undefined ? {} : { field });
  }
}
