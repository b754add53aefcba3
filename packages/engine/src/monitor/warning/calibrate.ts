import { normalQuantile, normalUpperTail } from "../../shared/normal.ts";
import { SeededRandom } from "../../shared/random.ts";
import { ContextModel } from "../detect/context.model.ts";
import type { JsonValue } from "../detect/detector.types.ts";
import { DAY_BUCKETS, dailyAt, dayBucket, type FittedBaseline, fromModel, toModel } from "./baseline.fit.ts";
import {
  fitTail,
  flatlineRate,
  flatlineThreshold,
  type TailModel,
  tailRate,
  tailThreshold,
} from "./tail-calibration.ts";
import {
  type CandidateReport,
  type ResolvedWarningOptions,
  type SourceReport,
  WARNING_COMPANIONS,
  type WarningPrimary,
  type WarningReport,
  type WarningSource,
} from "./warning.types.ts";
import {
  CHANNEL_COUNT,
  type ChannelState,
  cloneChannelState,
  initialChannelState,
  stepChannels,
  WARNING_CHANNELS,
  type WarningChannel,
} from "./warning-channels.ts";

const CONTEXT_GRID = [0.88, 0.9, 0.92, 0.95, 0.97, 0.99, 0.995, 0.999];
const CONTEXT_SIM = 20_000;
const WINDOW = 300;
const WARM = 100;

export interface Calibration {
  readonly chosen: WarningPrimary;
  readonly thresholds: Readonly<Record<WarningSource, number>>;
  readonly active: readonly WarningSource[];
  readonly report: WarningReport;
  /** Context model state after the history (only when the context chart is chosen). */
  readonly context: JsonValue | null;
}

interface Path {
  readonly ts: Float64Array;
  readonly xs: Float64Array;
}

/** Residual pools per time-of-day bucket when every bucket is well filled, else one pool. */
function residualPools(f: FittedBaseline): Float64Array[] {
  const byBucket: number[][] = Array.from({ length: DAY_BUCKETS }, () => []);
  f.residuals.forEach((e, i) => {
    byBucket[f.residualBuckets[i]].push(e);
  });
  if (byBucket.every((b) => b.length >= 30)) return byBucket.map((b) => Float64Array.from(b));
  return [f.residuals];
}

const SMOOTH = 0.25;
const SHRINK = 1 / Math.sqrt(1 + SMOOTH * SMOOTH);

/**
 * In-control continuation of the history: the fitted model driven by innovations drawn, two
 * times in three, from the history's residuals at the same time of day (smoothed bootstrap), and
 * one time in three from a standard normal — so the tails beyond the few largest history
 * residuals are at least a third as heavy as Gaussian ones.
 */
function simulate(f: FittedBaseline, rng: SeededRandom, m: number, t0: number): Path {
  const b = f.baseline;
  const p = b.ar.length;
  const y = [...f.tail];
  const ts = new Float64Array(m);
  const xs = new Float64Array(m);
  const pools = residualPools(f);
  for (let i = 0; i < m; i++) {
    let v = 0;
    for (let j = 0; j < p; j++) v += b.ar[j] * y[y.length - 1 - j];
    const t = t0 + (i + 1) * b.interval;
    const pool = pools.length === 1 ? pools[0] : pools[dayBucket(t)];
    const e =
      pool.length && rng.next() < 2 / 3
        ? (pool[rng.below(pool.length)] + SMOOTH * rng.normal()) * SHRINK
        : rng.normal();
    v += b.sdResidual * e;
    y.push(v);
    if (y.length > Math.max(p, 1)) y.shift();
    ts[i] = t;
    xs[i] = fromModel(b.counts, b.mean + v + dailyAt(b.daily, ts[i]));
  }
  return { ts, xs };
}

function channelStats(f: FittedBaseline, state: ChannelState, path: Path): Float64Array[] {
  const out = Array.from({ length: CHANNEL_COUNT }, () => new Float64Array(path.xs.length));
  const s = cloneChannelState(state);
  const buf = new Float64Array(CHANNEL_COUNT);
  for (let i = 0; i < path.xs.length; i++) {
    stepChannels(f.baseline, s, path.ts[i], path.xs[i], buf);
    for (let c = 0; c < CHANNEL_COUNT; c++) out[c][i] = buf[c];
  }
  return out;
}

/** First up-crossing of h at or after `from`, as a delay from `from`; −1 when none. */
function firstCrossing(stat: ArrayLike<number>, h: number, from: number): number {
  for (let i = from; i < stat.length; i++) if (stat[i] >= h && (i === 0 || stat[i - 1] < h)) return i - from;
  return -1;
}

/** Shifts of ±1 and ±2 level sd, a drift to 3 sd over the window and a 5-residual-sd spike, each after a warm-up. */
function injectedPaths(f: FittedBaseline, rng: SeededRandom, t0: number): Path[] {
  const sd = f.baseline.sdLevel;
  const kinds: ((j: number) => number)[] = [
    () => sd,
    () => -sd,
    () => 2 * sd,
    () => -2 * sd,
    (j) => (3 * sd * j) / WINDOW,
    (j) => (j === 1 ? 5 * f.baseline.sdResidual : 0),
  ];
  return kinds.map((add) => {
    const p = simulate(f, rng, WARM + WINDOW, t0);
    const c = f.baseline.counts;
    for (let j = 0; j < WINDOW; j++) p.xs[WARM + j] = fromModel(c, toModel(c, p.xs[WARM + j]) + add(j + 1));
    return p;
  });
}

/** Earlier of two crossing delays (−1 = none). */
const earlier = (a: number, b: number): number => (a < 0 ? b : b < 0 ? a : Math.min(a, b));

function sensitivity(delays: readonly number[]): number {
  return delays.reduce((s, d) => s + (d >= 0 ? 1 - d / WINDOW : 0), 0) / delays.length;
}

function contextScores(base: JsonValue, path: Path): Float64Array {
  // ContextModel.restore keeps references into the snapshot: every run starts from a copy.
  const m = ContextModel.restore(structuredClone(base));
  const out = new Float64Array(path.xs.length);
  for (let i = 0; i < path.xs.length; i++) out[i] = m.learn(path.xs[i], path.ts[i]);
  return out;
}

function countCrossings(stat: Float64Array, h: number): number {
  let n = 0;
  for (let i = 0; i < stat.length; i++) if (stat[i] >= h && (i === 0 || stat[i - 1] < h)) n++;
  return n;
}

/** Calibrates every source, scores the primary candidates and makes the automatic choice. */
export function calibrate(
  f: FittedBaseline,
  history: { ts: Float64Array; xs: Float64Array },
  o: ResolvedWarningOptions,
): Calibration {
  const rng = new SeededRandom(o.seed);
  const n = history.xs.length;
  const t0 = history.ts[n - 1];
  const lastX = history.xs[n - 1];
  const state = initialChannelState(f.baseline, f.tail, lastX);
  const path = simulate(f, rng, o.simulationLength, t0);
  const stats = channelStats(f, state, path);
  const wSum = Object.values(o.budget).reduce((a, b) => a + b, 0);
  const totalRate = 1 / (o.targetArl * o.safety);
  const rateOf = (part: keyof ResolvedWarningOptions["budget"]): number =>
    (totalRate * o.budget[part]) / wSum;

  const tails = {} as Record<WarningChannel, TailModel>;
  WARNING_CHANNELS.forEach((c, i) => {
    if (c !== "flatline") tails[c] = fitTail(stats[i]);
  });
  // Single-point statistics get a Gaussian floor: a history of a day or two cannot show how
  // heavy the tails really are, so they are never assumed lighter than normal ones.
  const gaussianFloor = (c: WarningChannel): boolean => c === "shewhart" || c === "rate";
  const rateAt = (c: WarningChannel, h: number): number =>
    gaussianFloor(c) ? Math.max(tailRate(tails[c], h), 2 * normalUpperTail(h)) : tailRate(tails[c], h);
  const thresholdAt = (c: WarningChannel, r: number): number =>
    gaussianFloor(c)
      ? Math.max(tailThreshold(tails[c], r), normalQuantile(1 - r / 2))
      : tailThreshold(tails[c], r);
  const thresholds = {} as Record<WarningSource, number>;
  thresholds.shewhart = o.thresholds.shewhart ?? thresholdAt("shewhart", rateOf("shewhart"));
  for (const c of ["western-electric", "ewma", "cusum"] as const)
    thresholds[c] = o.thresholds[c] ?? thresholdAt(c, rateOf("primary"));
  for (const c of ["level", "variance", "rate"] as const) thresholds[c] = thresholdAt(c, rateOf(c));
  thresholds.flatline = flatlineThreshold(f.baseline.flatShare, rateOf("flatline"), o.flatlineMinRun);

  // Candidate sensitivity on injected shifts and drifts.
  const injected = injectedPaths(f, rng, t0);
  const injectedStats = injected.map((p) => channelStats(f, state, p));
  const candidates: CandidateReport[] = [];
  let contextBase: JsonValue | null = null;
  for (const name of o.candidates) {
    if (name === "context") {
      const model = new ContextModel();
      for (let i = 0; i < n; i++) model.learn(history.xs[i], history.ts[i]);
      contextBase = model.snapshot();
      const m = Math.min(CONTEXT_SIM, path.xs.length);
      const scores = contextScores(contextBase, { ts: path.ts.subarray(0, m), xs: path.xs.subarray(0, m) });
      const rates = CONTEXT_GRID.map((h) => (countCrossings(scores, h) + 0.5) / m);
      const k = rates.findIndex((r) => r <= rateOf("primary"));
      const h = o.thresholds.context ?? (k >= 0 ? CONTEXT_GRID[k] : null);
      thresholds.context = h ?? 1;
      const rate = h === null ? rates[rates.length - 1] : (countCrossings(scores, h) + 0.5) / m;
      const delays =
        h === null
          ? []
          : injected.map((p, i) => {
              const sc = contextScores(contextBase as JsonValue, p);
              return earlier(
                firstCrossing(sc, h, WARM),
                firstCrossing(injectedStats[i][0], thresholds.shewhart, WARM),
              );
            });
      candidates.push({
        name,
        threshold: h,
        falseAlarmsPer10k: rate * 1e4,
        eligible: h !== null && rate <= rateOf("primary") * 1.000001,
        sensitivity: delays.length ? sensitivity(delays) : 0,
      });
      continue;
    }
    const ci = WARNING_CHANNELS.indexOf(name);
    const h = thresholds[name];
    const rate = rateAt(name, h);
    const delay = (st: Float64Array[]): number =>
      earlier(firstCrossing(st[ci], h, WARM), firstCrossing(st[0], thresholds.shewhart, WARM));
    candidates.push({
      name,
      threshold: h,
      falseAlarmsPer10k: rate * 1e4,
      eligible: rate <= rateOf("primary") * 1.000001,
      sensitivity: sensitivity(injectedStats.map(delay)),
    });
  }
  let chosen: WarningPrimary | null = o.primary;
  if (chosen === null) {
    let best: CandidateReport | null = null;
    for (const c of candidates)
      if (c.eligible && (best === null || c.sensitivity > best.sensitivity + 1e-12)) best = c;
    chosen = best?.name ?? "cusum";
  }
  for (const c of WARNING_COMPANIONS)
    if (o.thresholds[c] !== undefined) thresholds[c] = o.thresholds[c] as number;
  const active: WarningSource[] = ["shewhart", chosen, ...WARNING_COMPANIONS];
  const sourceRate = (s: WarningSource): number => {
    if (s === "context") return (candidates.find((c) => c.name === "context")?.falseAlarmsPer10k ?? 0) / 1e4;
    if (s === "flatline") return flatlineRate(f.baseline.flatShare, thresholds.flatline);
    return rateAt(s, thresholds[s]);
  };
  const sources: SourceReport[] = active.map((s) => ({
    source: s,
    threshold: thresholds[s],
    falseAlarmsPer10k: sourceRate(s) * 1e4,
    overridden: o.thresholds[s] !== undefined,
  }));
  const total = sources.reduce((a, s) => a + s.falseAlarmsPer10k, 0) / 1e4;
  return {
    chosen,
    thresholds,
    active,
    context: chosen === "context" ? contextBase : null,
    report: {
      chosen,
      targetArl: o.targetArl,
      expectedArl: total > 0 ? 1 / total : Number.MAX_VALUE,
      expectedFalseAlarmsPer10k: total * 1e4,
      sources,
      candidates,
      baseline: f.baseline,
    },
  };
}
