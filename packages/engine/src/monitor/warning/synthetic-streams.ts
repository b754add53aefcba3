import { SeededRandom } from "../../shared/random.ts";

/**
 * Synthetic 1-minute industrial process streams with at most one fault, for the warning
 * benchmark and the tests. Every stream is drawn from the project's one RNG, so a (kind, fault,
 * seed) triple always gives the same numbers.
 *
 * | kind | in-control model (σ = noise sd) |
 * |---|---|
 * | temperature | 80 °C + 3 °C daily cycle + AR(1) φ 0.9, σ 0.4, 0.01 °C resolution |
 * | pressure | 5 bar + AR(1) φ 0.7, σ 0.05, 0.001 bar resolution |
 * | tension | 120 N + AR(1) φ 0.95, σ 2, 0.1 N resolution |
 * | vibration | 2 mm/s + 0.3 mm/s 30-minute machine cycle + AR(1) φ 0.5, σ 0.1 |
 * | counts | Poisson particle counts, mean 20 × (1 + 0.5 daily cycle); σ ≈ 4.5 |
 *
 * Faults (sizes in σ, start drawn uniformly after the learning part): spike (one reading ±6–8σ),
 * level shift (±3σ, persists), drift (+4σ per 12 h, persists), variance (noise × 3, persists),
 * stuck (reading frozen for 4 h), dips (3 dips of −5σ, 6 points each, 40 apart), bursts (3 bursts
 * of 10 points ±4σ alternating, 30 apart), rhythm (the cycle's period changes — daily 24 h → 12 h,
 * machine 30 → 18 min — or, for tags without a cycle, the autocorrelation changes at equal
 * variance: φ 0.7 → 0, 0.95 → 0.5).
 */
export const STREAM_KINDS = ["temperature", "pressure", "tension", "vibration", "counts"] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];
export const FAULT_KINDS = [
  "spike",
  "level-shift",
  "drift",
  "variance",
  "stuck",
  "dips",
  "bursts",
  "rhythm",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface SyntheticStream {
  readonly kind: StreamKind;
  readonly fault: FaultKind | null;
  readonly timestamps: Float64Array;
  readonly values: Float64Array;
  /** First faulty index (−1 without a fault). */
  readonly faultStart: number;
  /** Last faulty index (n − 1 for persistent faults). */
  readonly faultEnd: number;
}

export interface StreamOptions {
  readonly length?: number;
  /** Faults start after this many points plus 600. */
  readonly learn?: number;
}

interface KindSpec {
  readonly level: number;
  readonly sd: number;
  readonly phi: number;
  readonly rhythmPhi: number;
  readonly resolution: number;
  /** Cycle speed factor after a rhythm change (1 = no cycle to change). */
  readonly rhythmSpeed: number;
  readonly cycle: (minute: number) => number;
}

const DAY = 1440;
const daily = (m: number): number => Math.sin((2 * Math.PI * m) / DAY);

const SPECS: Record<StreamKind, KindSpec> = {
  temperature: {
    level: 80,
    sd: 0.4,
    phi: 0.9,
    rhythmPhi: 0.9,
    resolution: 0.01,
    rhythmSpeed: 2,
    cycle: (m) => 3 * daily(m),
  },
  pressure: { level: 5, sd: 0.05, phi: 0.7, rhythmPhi: 0, resolution: 0.001, rhythmSpeed: 1, cycle: () => 0 },
  tension: { level: 120, sd: 2, phi: 0.95, rhythmPhi: 0.5, resolution: 0.1, rhythmSpeed: 1, cycle: () => 0 },
  vibration: {
    level: 2,
    sd: 0.1,
    phi: 0.5,
    rhythmPhi: 0.5,
    resolution: 0.001,
    rhythmSpeed: 30 / 18,
    cycle: (m) => 0.3 * Math.sin((2 * Math.PI * m) / 30),
  },
  counts: {
    level: 20,
    sd: 4.5,
    phi: 0,
    rhythmPhi: 0,
    resolution: 1,
    rhythmSpeed: 2,
    cycle: (m) => 10 * daily(m),
  },
};

const START = Date.UTC(2026, 0, 5);

export function syntheticStream(
  kind: StreamKind,
  fault: FaultKind | null,
  seed: number,
  o: StreamOptions = {},
): SyntheticStream {
  const n = o.length ?? 4 * DAY;
  const learn = o.learn ?? Math.floor(n / 4);
  const spec = SPECS[kind];
  const rng = new SeededRandom(
    seed * 7919 + STREAM_KINDS.indexOf(kind) * 101 + (fault ? FAULT_KINDS.indexOf(fault) + 1 : 0),
  );
  const start = fault ? rng.int(learn + 600, Math.max(learn + 600, n - 1200)) : -1;
  const sign = rng.chance(0.5) ? 1 : -1;
  const sd = spec.sd;
  const ts = new Float64Array(n);
  const xs = new Float64Array(n);
  const add = new Float64Array(n);
  let end = fault ? n - 1 : -1;
  switch (fault) {
    case "spike":
      add[start] = sign * rng.uniform(6, 8) * sd;
      end = start;
      break;
    case "level-shift":
      for (let i = start; i < n; i++) add[i] = sign * 3 * sd;
      break;
    case "drift":
      for (let i = start; i < n; i++) add[i] = (4 * sd * (i - start + 1)) / 720;
      break;
    case "dips":
      for (let d = 0; d < 3; d++) for (let j = 0; j < 6; j++) add[start + 40 * d + j] = -5 * sd;
      end = start + 85;
      break;
    case "bursts":
      for (let b = 0; b < 3; b++)
        for (let j = 0; j < 10; j++) add[start + 30 * b + j] = (j % 2 ? 4 : -4) * sd;
      end = start + 69;
      break;
    case "stuck":
      end = start + 239;
      break;
    default:
      break;
  }
  const phase = rng.uniform(0, DAY);
  let noise = rng.normal(0, sd);
  for (let i = 0; i < n; i++) {
    const after = fault !== null && i >= start;
    const phi = fault === "rhythm" && after ? spec.rhythmPhi : spec.phi;
    const scale = fault === "variance" && after ? 3 : 1;
    noise = phi * noise + rng.normal(0, sd * Math.sqrt(1 - phi * phi));
    ts[i] = START + i * 60_000;
    // A rhythm change speeds the cycle up without a jump: the phase keeps running from the start.
    const m = fault === "rhythm" && after ? start + spec.rhythmSpeed * (i - start) : i;
    const cyc = spec.cycle(m + phase);
    let v: number;
    if (kind === "counts") {
      const base = rng.poisson(spec.level + cyc);
      v = Math.max(0, base + (scale > 1 ? Math.round(rng.normal(0, 2 * sd)) : 0) + Math.round(add[i]));
    } else v = spec.level + cyc + scale * noise + add[i];
    xs[i] = Math.round(v / spec.resolution) * spec.resolution;
  }
  if (fault === "stuck") for (let i = start; i <= end; i++) xs[i] = xs[start - 1];
  return { kind, fault, timestamps: ts, values: xs, faultStart: start, faultEnd: end };
}
