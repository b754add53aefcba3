import { describe, expect, it } from "vitest";
import { SeededRandom } from "../../shared/random.ts";
import { MonitorError } from "../errors.ts";
import { FAULT_KINDS, type StreamKind, syntheticStream } from "./synthetic-streams.ts";
import { learnWarningDetector } from "./warning.detector.ts";

const MIN = 60_000;
const LEARN = 1440;

/** AR(1) Gaussian stream, 1-minute samples. */
function ar1(n: number, phi: number, seed: number): { ts: Float64Array; xs: Float64Array } {
  const rng = new SeededRandom(seed);
  const ts = new Float64Array(n);
  const xs = new Float64Array(n);
  let y = 0;
  for (let i = 0; i < n; i++) {
    y = phi * y + rng.normal(0, Math.sqrt(1 - phi * phi));
    ts[i] = i * MIN;
    xs[i] = 50 + y;
  }
  return { ts, xs };
}

function alarmsAfter(
  d: ReturnType<typeof learnWarningDetector>,
  ts: Float64Array,
  xs: Float64Array,
  from: number,
): number[] {
  const out: number[] = [];
  for (let i = from; i < xs.length; i++) if (d.update(ts[i], xs[i]).alarm) out.push(i);
  return out;
}

describe("calibration to a target in-control run length", () => {
  it("meets the default ARL 10,000 on a long in-control AR(1) continuation and reports it", () => {
    const { ts, xs } = ar1(LEARN + 200_000, 0.6, 11);
    const d = learnWarningDetector(ts.subarray(0, LEARN), xs.subarray(0, LEARN));
    expect(d.report.targetArl).toBe(10_000);
    expect(d.report.expectedArl).toBeGreaterThanOrEqual(10_000);
    expect(d.report.baseline.ar.length).toBeGreaterThanOrEqual(1);
    const alarms = alarmsAfter(d, ts, xs, LEARN).length;
    // 200,000 in-control points at ARL ≥ 10,000: at most 20 false alarms.
    expect(alarms).toBeLessThanOrEqual(20);
  });

  it("is not merely conservative: at a target ARL of 500 the observed rate is within a factor 3 of it", () => {
    const { ts, xs } = ar1(LEARN + 100_000, 0.6, 12);
    const d = learnWarningDetector(ts.subarray(0, LEARN), xs.subarray(0, LEARN), {
      targetArl: 500,
      safety: 1,
      restPeriod: 0,
    });
    const alarms = alarmsAfter(d, ts, xs, LEARN).length;
    // Expected 100,000 / 500 = 200 false alarms if calibration were exact.
    expect(alarms).toBeGreaterThan(200 / 3);
    expect(alarms).toBeLessThan(200 * 3);
  });

  it("an engineer's threshold override is used and its expected false-alarm rate is recomputed", () => {
    const { ts, xs } = ar1(LEARN, 0.5, 13);
    const auto = learnWarningDetector(ts, xs);
    const level = auto.report.sources.find((s) => s.source === "level");
    expect(level?.overridden).toBe(false);
    const wider = learnWarningDetector(ts, xs, { thresholds: { level: (level?.threshold ?? 1) * 1.5 } });
    const w = wider.report.sources.find((s) => s.source === "level");
    expect(w?.overridden).toBe(true);
    expect(w?.falseAlarmsPer10k).toBeLessThan(level?.falseAlarmsPer10k ?? 0);
    const forced = learnWarningDetector(ts, xs, { primary: "ewma" });
    expect(forced.chosen).toBe("ewma");
    expect(forced.report.sources.map((s) => s.source)).toContain("ewma");
  });
});

describe("in-control streams with a daily cycle or strong autocorrelation do not alarm", () => {
  it.each<[StreamKind, number]>([
    ["temperature", 21],
    ["temperature", 22],
    ["tension", 21],
    ["tension", 22],
    ["counts", 21],
  ])("%s seed %i: three days without a fault, no alarm", (kind, seed) => {
    const s = syntheticStream(kind, null, seed);
    const d = learnWarningDetector(s.timestamps.subarray(0, LEARN), s.values.subarray(0, LEARN));
    if (kind === "temperature") expect(d.report.baseline.daily.some((c) => Math.abs(c) > 1)).toBe(true);
    if (kind === "tension") expect(d.report.baseline.ar[0]).toBeGreaterThan(0.8);
    expect(alarmsAfter(d, s.timestamps, s.values, LEARN)).toEqual([]);
  });

  it("the same daily cycle does alarm on a chart that ignores it (why the profile is removed)", () => {
    const s = syntheticStream("temperature", null, 21);
    const h = s.values.subarray(0, 360); // six hours: too short to see the cycle
    const mean = h.reduce((a, b) => a + b, 0) / h.length;
    const sd = Math.sqrt(h.reduce((a, b) => a + (b - mean) ** 2, 0) / h.length);
    const out = s.values.subarray(LEARN).filter((v) => Math.abs(v - mean) > 3 * sd).length;
    expect(out).toBeGreaterThan(100);
  });
});

describe("each fault kind is caught on a clear case", () => {
  it.each(FAULT_KINDS)("%s", (fault) => {
    for (const kind of ["temperature", "pressure"] as const) {
      const s = syntheticStream(kind, fault, 31);
      const d = learnWarningDetector(s.timestamps.subarray(0, LEARN), s.values.subarray(0, LEARN));
      const alarms = alarmsAfter(d, s.timestamps, s.values, LEARN);
      const last = s.faultEnd === s.values.length - 1 ? s.faultEnd : s.faultEnd + 30;
      const hit = alarms.find((a) => a >= s.faultStart && a <= last);
      expect(hit, `${kind} ${fault} at ${s.faultStart}, alarms ${alarms.join(",")}`).toBeDefined();
    }
  });

  it("a stuck sensor is reported by the flatline check", () => {
    const s = syntheticStream("tension", "stuck", 32);
    const d = learnWarningDetector(s.timestamps.subarray(0, LEARN), s.values.subarray(0, LEARN));
    const sources: string[] = [];
    for (let i = LEARN; i <= s.faultEnd; i++) {
      const r = d.update(s.timestamps[i], s.values[i]);
      if (r.alarm) sources.push(...r.sources);
    }
    expect(sources).toContain("flatline");
  });
});

describe("learning input", () => {
  it("skips non-finite and unordered history points, and refuses a constant or too short history", () => {
    const { ts, xs } = ar1(600, 0.3, 14);
    xs[10] = Number.NaN;
    xs[20] = Number.POSITIVE_INFINITY;
    ts[30] = ts[29];
    const d = learnWarningDetector(ts, xs);
    expect(d.report.baseline.learnedPoints).toBe(597);
    expect(() => learnWarningDetector(ts, new Float64Array(600).fill(3))).toThrow(MonitorError);
    expect(() => learnWarningDetector(ts.subarray(0, 10), xs.subarray(0, 10))).toThrow(/at least 30/);
    expect(() => learnWarningDetector(ts, xs, { targetArl: Number.NaN })).toThrow(MonitorError);
    expect(() => learnWarningDetector(ts, xs, { candidates: [] })).toThrow(MonitorError);
  });
});
