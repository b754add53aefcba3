import type { JsonValue } from "../detect/detector.types.ts";
import { MonitorError } from "../errors.ts";
import { type Baseline, dailyAt, toModel } from "./baseline.fit.ts";

/**
 * The statistics the early-warning detector watches, one number per channel per point; a channel
 * alarms when its statistic crosses its calibrated threshold from below.
 * - shewhart: the individuals chart on the standardised residual e, |e| (Nelson / WE rule 1 at
 *   limit L); it always runs, for spikes.
 * - western-electric: Western Electric rules 2–3 with zone width c (2 of 3 beyond 2c on one side;
 *   4 of 5 beyond c on one side, the current point among them): the statistic is the largest c at
 *   which a rule fires, so "fires at width c" ⇔ stat > c and c can be calibrated like a limit.
 * - ewma: |EWMA(e, λ 0.1)| in units of its steady-state sd; cusum: max(C⁺, C⁻) on e with k = 0.25;
 *   both see e capped at ±5 (a spike is the Shewhart chart's job, and must not blind them for hours).
 * - level: |EWMA(y/σ_y capped at ±8, λ 0.05)|, the deseasonalised level itself (drifts and shifts the residual
 *   charts lose once the AR model follows them); variance: |ln EWMA(min(e², 36), λ 0.03)|.
 * - rate: |Δy| / rms Δy; flatline: the current run of readings within ε of the previous one.
 */
export const WARNING_CHANNELS = [
  "shewhart",
  "western-electric",
  "ewma",
  "cusum",
  "level",
  "variance",
  "rate",
  "flatline",
] as const;
export type WarningChannel = (typeof WARNING_CHANNELS)[number];
export const CHANNEL_COUNT = WARNING_CHANNELS.length;

const EWMA_LAMBDA = 0.1;
const EWMA_SD = Math.sqrt(EWMA_LAMBDA / (2 - EWMA_LAMBDA));
const CUSUM_K = 0.25;
const LEVEL_LAMBDA = 0.05;
const VAR_LAMBDA = 0.03;
const VAR_CAP = 36;
/** Standardised values are clamped here so huge readings cannot overflow the state. */
const CLAMP = 1e6;

/** Inputs of the cumulative charts are capped (huberised) so one wild reading cannot blind them for hours. */
const CUMULATIVE_CAP = 5;
const LEVEL_CAP = 8;

const clamp = (v: number, c = CLAMP): number => Math.min(c, Math.max(-c, v));

export interface ChannelState {
  y: number[];
  lastX: number;
  recent: number[];
  ewma: number;
  cusumUp: number;
  cusumDown: number;
  level: number;
  variance: number;
  flatRun: number;
}

export function initialChannelState(
  baseline: Baseline,
  tail: readonly number[],
  lastX: number,
): ChannelState {
  const p = Math.max(1, baseline.ar.length);
  const y = [...tail.slice(-p)];
  while (y.length < p) y.unshift(0);
  return {
    y,
    lastX,
    recent: [0, 0, 0, 0],
    ewma: 0,
    cusumUp: 0,
    cusumDown: 0,
    level: 0,
    variance: 1,
    flatRun: 0,
  };
}

/** Third largest of four numbers. */
function third(a: number, b: number, c: number, d: number): number {
  const s = [a, b, c, d].sort((p, q) => q - p);
  return s[2];
}

/** Western Electric 2–3 statistic for the current residual e and the previous four (newest last). */
export function westernElectricStat(e: number, recent: readonly number[]): number {
  const [r4, r3, r2, r1] = recent;
  let s = 0;
  if (e > 0) {
    s = Math.max(s, Math.min(e, Math.max(r1, r2)) / 2, Math.min(e, third(r1, r2, r3, r4)));
  } else if (e < 0) {
    s = Math.max(s, Math.min(-e, Math.max(-r1, -r2)) / 2, Math.min(-e, third(-r1, -r2, -r3, -r4)));
  }
  return s;
}

/** Which Western Electric rule (2 or 3) fires at zone width c (0 when none). */
export function westernElectricRule(e: number, recent: readonly number[], c: number): number {
  const [r4, r3, r2, r1] = recent;
  const sg = e >= 0 ? 1 : -1;
  if (Math.min(sg * e, Math.max(sg * r1, sg * r2)) / 2 > c) return 2;
  if (Math.min(sg * e, third(sg * r1, sg * r2, sg * r3, sg * r4)) > c) return 3;
  return 0;
}

/** Advances the state by one finite reading and writes the channel statistics into `out`. */
export function stepChannels(
  b: Baseline,
  s: ChannelState,
  timestamp: number,
  x: number,
  out: Float64Array,
): { residual: number } {
  const p = b.ar.length;
  const yNow = clamp((toModel(b.counts, x) - b.mean - dailyAt(b.daily, timestamp)) / b.sdLevel) * b.sdLevel;
  let pred = 0;
  for (let j = 0; j < p; j++) pred += b.ar[j] * s.y[s.y.length - 1 - j];
  const e = clamp((yNow - pred) / b.sdResidual);
  out[0] = Math.abs(e);
  out[1] = westernElectricStat(e, s.recent);
  const ec = clamp(e, CUMULATIVE_CAP);
  s.ewma = (1 - EWMA_LAMBDA) * s.ewma + EWMA_LAMBDA * ec;
  out[2] = Math.abs(s.ewma) / EWMA_SD;
  s.cusumUp = Math.max(0, s.cusumUp + ec - CUSUM_K);
  s.cusumDown = Math.max(0, s.cusumDown - ec - CUSUM_K);
  out[3] = Math.max(s.cusumUp, s.cusumDown);
  s.level = (1 - LEVEL_LAMBDA) * s.level + LEVEL_LAMBDA * clamp(yNow / b.sdLevel, LEVEL_CAP);
  out[4] = Math.abs(s.level);
  s.variance = (1 - VAR_LAMBDA) * s.variance + VAR_LAMBDA * Math.min(e * e, VAR_CAP);
  out[5] = Math.abs(Math.log(Math.max(s.variance, 1e-12)));
  const prevY = s.y[s.y.length - 1];
  out[6] = Math.abs(clamp((yNow - prevY) / b.sdDiff));
  s.flatRun = Math.abs(x - s.lastX) <= b.flatEpsilon ? s.flatRun + 1 : 0;
  out[7] = s.flatRun;
  s.lastX = x;
  s.y.push(yNow);
  s.y.shift();
  s.recent.push(e);
  s.recent.shift();
  return { residual: e };
}

export function cloneChannelState(s: ChannelState): ChannelState {
  return { ...s, y: [...s.y], recent: [...s.recent] };
}

export function channelStateToJson(s: ChannelState): JsonValue {
  return { ...s, y: [...s.y], recent: [...s.recent] };
}

const finiteArray = (v: JsonValue | undefined, len?: number): number[] | null =>
  Array.isArray(v) &&
  v.every((x) => typeof x === "number" && Number.isFinite(x)) &&
  (len === undefined || v.length === len)
    ? (v as number[])
    : null;

export function channelStateFromJson(v: JsonValue, arOrder: number): ChannelState {
  if (v === null || typeof v !== "object" || Array.isArray(v))
    throw new MonitorError("BAD_SNAPSHOT", "channel state must be an object");
  const y = finiteArray(v.y, Math.max(1, arOrder));
  const recent = finiteArray(v.recent, 4);
  const nums = ["lastX", "ewma", "cusumUp", "cusumDown", "level", "variance", "flatRun"] as const;
  if (!y || !recent || nums.some((k) => typeof v[k] !== "number" || !Number.isFinite(v[k] as number)))
    throw new MonitorError("BAD_SNAPSHOT", "channel state needs y, recent and finite sums");
  const n = (k: (typeof nums)[number]): number => v[k] as number;
  return {
    y: [...y],
    recent: [...recent],
    lastX: n("lastX"),
    ewma: n("ewma"),
    cusumUp: n("cusumUp"),
    cusumDown: n("cusumDown"),
    level: n("level"),
    variance: n("variance"),
    flatRun: n("flatRun"),
  };
}
