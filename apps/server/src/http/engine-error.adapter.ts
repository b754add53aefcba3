import type { ErrorBody } from "@clusterbrain/contracts";
import { describePosition, EngineError } from "@clusterbrain/engine/shared";

/**
 * Engine errors → HTTP: input the engine could not read is 400 BAD_REQUEST, input it read but
 * cannot compute with is 422 VALIDATION_FAILED. Never 500: an engine error is always about the
 * input. Details carry the domain's stable code and the position in one shape.
 */
export function engineErrorReply(err: unknown): { status: 400 | 422; body: ErrorBody } | undefined {
  if (!(err instanceof EngineError)) return undefined;
  const unreadable = err.kind === "unreadable";
  const path = describePosition(err.position) || err.domain;
  return {
    status: unreadable ? 400 : 422,
    body: {
      error: {
        code: unreadable ? "BAD_REQUEST" : "VALIDATION_FAILED",
        message: err.message,
        details: [{ path, message: err.message, domain: err.domain, code: err.code, position: err.position }],
      },
    },
  };
}
