import type { DeaData, Orientation, PeerWeight, ReturnsToScale } from "./dea-data.ts";
import { unitLabels, validateDeaData } from "./dea-data.ts";
import { denseSolver, EnvelopmentModel, type LpSolveFn, type RadialPoint } from "./envelopment.ts";

export interface RadialOptions {
  /** "crs" = CCR (Charnes, Cooper & Rhodes 1978), "vrs" = BCC (Banker, Charnes & Cooper 1984). */
  rts?: ReturnsToScale;
  orientation?: Orientation;
  /** Second-stage max-slack LP (default true). */
  slacks?: boolean;
  /** Alternative LP solver (the tests cross-check against HiGHS through this). */
  solver?: LpSolveFn;
}

export interface RadialUnitResult {
  index: number;
  unit: string;
  /** θ for input orientation (0 < θ ≤ 1); Farrell φ ≥ 1 for output orientation. */
  efficiency: number;
  /** Always in (0, 1]: θ, or 1/φ for output orientation. */
  score: number;
  /** Efficient in the Pareto–Koopmans sense: score 1 and all slacks zero. */
  efficient: boolean;
  slacksX: number[];
  slacksY: number[];
  peers: PeerWeight[];
  targetsX: number[];
  targetsY: number[];
  weights: { v: number[]; u: number[]; u0: number };
}

export interface RadialResult {
  rts: ReturnsToScale;
  orientation: Orientation;
  units: RadialUnitResult[];
  lpCount: number;
}

const TOL = 1e-9;

export function peersOf(lambdas: Float64Array, labels: readonly string[]): PeerWeight[] {
  const peers: PeerWeight[] = [];
  lambdas.forEach((w, index) => {
    if (w > 1e-10) peers.push({ index, unit: labels[index], weight: w });
  });
  return peers;
}

export function toUnitResult(
  p: RadialPoint,
  index: number,
  labels: readonly string[],
  xo: readonly number[],
  yo: readonly number[],
  orientation: Orientation,
): RadialUnitResult {
  const eff = p.efficiency;
  const score = orientation === "input" ? eff : 1 / eff;
  const targetsX = xo.map((x, i) => (orientation === "input" ? eff * x : x) - p.slacksX[i]);
  const targetsY = yo.map((y, r) => (orientation === "input" ? y : eff * y) + p.slacksY[r]);
  const noSlack = p.slacksX.every((v) => v <= TOL) && p.slacksY.every((v) => v <= TOL);
  return {
    index,
    unit: labels[index],
    efficiency: eff,
    score,
    efficient: Math.abs(score - 1) <= 1e-8 && noSlack,
    slacksX: p.slacksX,
    slacksY: p.slacksY,
    peers: peersOf(p.lambdas, labels),
    targetsX,
    targetsY,
    weights: { v: p.v, u: p.u, u0: p.u0 },
  };
}

/** Radial DEA (CCR or BCC), input or output oriented, for every unit against all units. */
export function radialDea(data: DeaData, options: RadialOptions = {}): RadialResult {
  validateDeaData(data);
  const rts = options.rts ?? "crs";
  const orientation = options.orientation ?? "input";
  const labels = unitLabels(data);
  const model = new EnvelopmentModel(data, rts, options.solver ?? denseSolver);
  let lpCount = 0;
  const units = data.inputs.map((xo, o) => {
    const yo = data.outputs[o];
    const p = model.evaluate(xo, yo, orientation, -1, options.slacks ?? true);
    lpCount += p.lpCount;
    return toUnitResult(p, o, labels, xo, yo, orientation);
  });
  return { rts, orientation, units, lpCount };
}

export const ccr = (data: DeaData, options: Omit<RadialOptions, "rts"> = {}): RadialResult =>
  radialDea(data, { ...options, rts: "crs" });
export const bcc = (data: DeaData, options: Omit<RadialOptions, "rts"> = {}): RadialResult =>
  radialDea(data, { ...options, rts: "vrs" });

/** Scale efficiency per unit: input-oriented CCR score over BCC score (Banker et al. 1984). */
export function scaleEfficiency(data: DeaData, solver?: LpSolveFn): { unit: string; scale: number }[] {
  const c = radialDea(data, { rts: "crs", orientation: "input", slacks: false, solver });
  const b = radialDea(data, { rts: "vrs", orientation: "input", slacks: false, solver });
  return c.units.map((u, i) => ({ unit: u.unit, scale: u.efficiency / b.units[i].efficiency }));
}
