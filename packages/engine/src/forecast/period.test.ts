import { describe, expect, it } from "vitest";
import { mulberry32 } from "../shared/random.ts";
import { forecast } from "./forecast.ts";
import { inferPeriods } from "./period.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.UTC(2025, 0, 6);

/** level + trend + cycles (period, amplitude) + Gaussian-ish noise, from one seeded RNG. */
function series(n: number, cycles: [number, number][], seed: number, trend = 0.05, noise = 1): number[] {
  const rnd = mulberry32(seed);
  const out: number[] = [];
  for (let t = 0; t < n; t++) {
    const e = (rnd() + rnd() + rnd() - 1.5) * 2 * noise;
    let v = 100 + trend * t + e;
    for (const [m, a] of cycles)
      v += a * Math.sin((2 * Math.PI * t) / m) + (a / 2) * Math.cos((4 * Math.PI * t) / m);
    out.push(v);
  }
  return out;
}

const stamps = (n: number, step: (i: number) => number): number[] =>
  Array.from({ length: n }, (_, i) => step(i));
const monthly = (i: number): number => Date.UTC(2015, i, 1);

const CASES = [
  {
    name: "hourly",
    values: series(
      24 * 7 * 5,
      [
        [24, 10],
        [168, 6],
      ],
      11,
    ),
    ts: stamps(840, (i) => START + i * HOUR),
    expected: [24, 168],
  },
  {
    name: "daily",
    values: series(7 * 30, [[7, 8]], 12),
    ts: stamps(210, (i) => START + i * DAY),
    expected: [7],
  },
  {
    name: "weekly",
    values: series(52 * 4, [[52, 12]], 13),
    ts: stamps(208, (i) => START + i * 7 * DAY),
    expected: [52],
  },
  { name: "monthly", values: series(12 * 10, [[12, 9]], 14), ts: stamps(120, monthly), expected: [12] },
] as const;

describe("inferPeriods", () => {
  for (const c of CASES) {
    it(`${c.name} with timestamps: the sampling decides`, () => {
      const got = inferPeriods(c.values, c.ts);
      expect(got.source).toBe("timestamps");
      expect(got.periods).toEqual(c.expected);
    });
    it(`${c.name} without timestamps: detected from the values`, () => {
      const got = inferPeriods(c.values);
      expect(got.source).toBe("values");
      expect(got.periods).toEqual(c.expected);
    });
  }

  it("finds no season in trending white noise, with or without a cycle-free timestamp grid", () => {
    const rnd = mulberry32(5);
    const noise = Array.from({ length: 300 }, (_, t) => 50 + 0.3 * t + rnd() * 4);
    expect(inferPeriods(noise)).toMatchObject({ periods: [1], source: "none" });
  });

  it("drops a calendar period the series is too short for (under two full cycles)", () => {
    const v = series(80, [[52, 5]], 3);
    const got = inferPeriods(
      v,
      stamps(80, (i) => START + i * 7 * DAY),
    );
    expect(got.periods).toEqual([1]);
    expect(got.reason).toMatch(/too few/);
  });

  it("falls back to the values when the timestamps are irregular", () => {
    const c = CASES[1];
    const irregular = stamps(c.values.length, (i) => START + i * 5 * HOUR + (i % 3) * 1_000);
    expect(inferPeriods(c.values, irregular)).toMatchObject({ source: "values", periods: [7] });
  });

  it('forecast(period: "auto") reports the choice and uses it', () => {
    const c = CASES[3];
    const f = forecast(c.values, { horizon: 12, period: "auto", method: "snaive" });
    expect(f.season?.periods).toEqual([12]);
    // Seasonal naive with 12 repeats the last year; with no season it would be flat.
    expect(f.mean[0]).toBeCloseTo(c.values[c.values.length - 12], 9);
    expect(f.mean[0]).not.toBeCloseTo(f.mean[1], 3);
  });
});
