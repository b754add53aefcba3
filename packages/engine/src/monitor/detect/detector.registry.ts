import { MonitorError } from "../errors.ts";
import { ContextModel } from "./context.model.ts";
import type { AnomalyModel, DetectorOptions, JsonValue } from "./detector.types.ts";
import { InputGuard, readGuardState } from "./input-guard.ts";
import { type ResolvedOptions, StreamingDetector } from "./streaming-detector.ts";
import { WindowedGaussianModel } from "./windowed-gaussian.model.ts";

export const DETECTOR_NAMES = ["context", "windowed-gaussian"] as const;
export type DetectorName = (typeof DETECTOR_NAMES)[number];

const DEFAULTS = { warmup: 150, restPeriod: 150 };

function resolve(opts: DetectorOptions, model: AnomalyModel): ResolvedOptions {
  const r = {
    warmup: opts.warmup ?? DEFAULTS.warmup,
    restPeriod: opts.restPeriod ?? DEFAULTS.restPeriod,
    alarmThreshold: opts.alarmThreshold ?? model.suggestedThreshold,
  };
  if (!(r.warmup >= 0 && r.restPeriod >= 0 && r.alarmThreshold > 0 && r.alarmThreshold <= 1)) {
    throw new MonitorError("BAD_PARAMETER", "warmup and restPeriod must be ≥ 0, alarmThreshold in (0, 1]");
  }
  return r;
}

function newModel(name: string): AnomalyModel {
  switch (name) {
    case "context":
      return new ContextModel();
    case "windowed-gaussian":
      return new WindowedGaussianModel();
    default:
      throw new MonitorError(
        "UNKNOWN_DETECTOR",
        `unknown detector "${name}"; known: ${DETECTOR_NAMES.join(", ")}`,
      );
  }
}

export function isDetectorName(name: string): name is DetectorName {
  return (DETECTOR_NAMES as readonly string[]).includes(name);
}

export function createDetector(name: string, opts: DetectorOptions = {}): StreamingDetector {
  const model = newModel(name);
  return new StreamingDetector(model, new InputGuard(), resolve(opts, model));
}

/** Rebuilds a detector from `snapshot()` output, continuing exactly where it stopped. */
export function restoreDetector(snapshot: JsonValue): StreamingDetector {
  if (snapshot === null || typeof snapshot !== "object" || Array.isArray(snapshot)) {
    throw new MonitorError("BAD_SNAPSHOT", "a detector snapshot is an object");
  }
  const { name, guard, restLeft, model, options } = snapshot;
  if (
    typeof name !== "string" ||
    typeof restLeft !== "number" ||
    model === undefined ||
    guard === undefined ||
    options === null ||
    typeof options !== "object" ||
    Array.isArray(options)
  ) {
    throw new MonitorError(
      "BAD_SNAPSHOT",
      "a detector snapshot needs name, guard, restLeft, options and model",
    );
  }
  const num = (v: JsonValue | undefined): number | undefined => (typeof v === "number" ? v : undefined);
  const opts = {
    warmup: num(options.warmup),
    restPeriod: num(options.restPeriod),
    alarmThreshold: num(options.alarmThreshold),
  };
  let m: AnomalyModel;
  if (name === "context") m = ContextModel.restore(model);
  else if (name === "windowed-gaussian") m = WindowedGaussianModel.restore(model);
  else throw new MonitorError("UNKNOWN_DETECTOR", `unknown detector "${name}" in snapshot`);
  return new StreamingDetector(m, new InputGuard(5, readGuardState(guard)), resolve(opts, m), restLeft);
}
