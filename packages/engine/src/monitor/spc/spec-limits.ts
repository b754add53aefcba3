import { MonitorError } from "../errors.ts";

export interface SpecLimits {
  readonly lsl?: number;
  readonly usl?: number;
  /** Largest allowed |Δvalue| per unit of time (e.g. °C per second). */
  readonly maxRate?: number;
}

export type SpecViolationKind = "below_lsl" | "above_usl" | "rate";

export interface SpecViolation {
  readonly index: number;
  readonly kind: SpecViolationKind;
  readonly value: number;
}

/** Specification (engineering) limits and rate-of-change limits; NaN rows are skipped. */
export function checkSpecLimits(
  timestamps: ArrayLike<number>,
  values: ArrayLike<number>,
  spec: SpecLimits,
): SpecViolation[] {
  if (timestamps.length !== values.length)
    throw new MonitorError("BAD_PARAMETER", "timestamps and values differ in length");
  if (spec.lsl !== undefined && spec.usl !== undefined && spec.lsl >= spec.usl) {
    throw new MonitorError("BAD_PARAMETER", "LSL must be below USL");
  }
  const out: SpecViolation[] = [];
  let lastT = Number.NaN;
  let lastV = Number.NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const t = timestamps[i];
    if (!Number.isFinite(v) || !Number.isFinite(t)) continue;
    if (spec.lsl !== undefined && v < spec.lsl) out.push({ index: i, kind: "below_lsl", value: v });
    if (spec.usl !== undefined && v > spec.usl) out.push({ index: i, kind: "above_usl", value: v });
    if (spec.maxRate !== undefined && Number.isFinite(lastT) && t > lastT) {
      const rate = (v - lastV) / (t - lastT);
      if (Math.abs(rate) > spec.maxRate) out.push({ index: i, kind: "rate", value: rate });
    }
    if (!Number.isFinite(lastT) || t > lastT) {
      lastT = t;
      lastV = v;
    }
  }
  return out;
}
