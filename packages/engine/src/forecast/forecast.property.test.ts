import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { etsForecast, fitEts } from "./ets.ts";
import { forecast } from "./forecast.ts";
import type { MethodName } from "./types.ts";

// Methods must reproduce series they can represent exactly (forecast = the continuation).
const close = (got: readonly number[], want: readonly number[]): void => {
  got.forEach((g, i) => {
    expect(Math.abs(g - want[i])).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(want[i])));
  });
};

const ALL_FOR_CONSTANT: MethodName[] = [
  "naive",
  "snaive",
  "naive2",
  "ses",
  "holt",
  "damped",
  "ets",
  "theta",
  "croston",
  "tsb",
  "mstl",
  "combo",
  "auto",
];

describe("exact on a constant series", () => {
  for (const method of ALL_FOR_CONSTANT) {
    it(method, () => {
      fc.assert(
        fc.property(
          fc.double({ min: 0.5, max: 1e4, noNaN: true }),
          fc.integer({ min: 30, max: 60 }),
          fc.integer({ min: 1, max: 12 }),
          (level, n, horizon) => {
            const y = new Array<number>(n).fill(level);
            const f = forecast(y, { horizon, period: 4, method });
            close(f.mean, new Array<number>(horizon).fill(level));
          },
        ),
        { numRuns: 10 },
      );
    });
  }
});

describe("exact on a straight line (trend methods)", () => {
  const line = fc.record({
    a: fc.double({ min: 50, max: 500, noNaN: true }),
    b: fc.double({ min: -1, max: 5, noNaN: true }),
    n: fc.integer({ min: 12, max: 50 }),
    h: fc.integer({ min: 1, max: 10 }),
  });
  it("holt", () => {
    fc.assert(
      fc.property(line, ({ a, b, n, h }) => {
        const y = Array.from({ length: n }, (_, t) => a + b * t);
        const f = forecast(y, { horizon: h, method: "holt" });
        close(
          f.mean,
          Array.from({ length: h }, (_, i) => a + b * (n + i)),
        );
      }),
      { numRuns: 15 },
    );
  });
  it("ets(A,A,N) and ets(M,A,N)", () => {
    fc.assert(
      fc.property(line, ({ a, b, n, h }) => {
        const y = Array.from({ length: n }, (_, t) => a + b * t);
        for (const error of ["A", "M"] as const) {
          const f = etsForecast(fitEts(y, { error, trend: "A", season: "N", period: 1 }), h);
          close(
            f.mean,
            Array.from({ length: h }, (_, i) => a + b * (n + i)),
          );
        }
      }),
      { numRuns: 10 },
    );
  });
});

describe("exact on a pure seasonal pattern (seasonal methods)", () => {
  const season = fc
    .integer({ min: 2, max: 7 })
    .chain((m) =>
      fc.record({
        pattern: fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: m, maxLength: m }),
        // Enough cycles for the M4 90% seasonality test to pass, which Naive2 needs to deseasonalise.
        cycles: fc.integer({ min: 12, max: 16 }),
        h: fc.integer({ min: 1, max: 2 * m }),
      }),
    )
    .filter(({ pattern }) => Math.max(...pattern) - Math.min(...pattern) > 1);
  const cases: { name: string; run: (y: number[], m: number, h: number) => number[] }[] = [
    { name: "snaive", run: (y, m, h) => forecast(y, { horizon: h, period: m, method: "snaive" }).mean },
    { name: "naive2", run: (y, m, h) => forecast(y, { horizon: h, period: m, method: "naive2" }).mean },
    { name: "mstl", run: (y, m, h) => forecast(y, { horizon: h, period: m, method: "mstl" }).mean },
    {
      name: "ets(A,N,A)",
      run: (y, m, h) => etsForecast(fitEts(y, { error: "A", trend: "N", season: "A", period: m }), h).mean,
    },
    {
      name: "ets(M,N,M)",
      run: (y, m, h) => etsForecast(fitEts(y, { error: "M", trend: "N", season: "M", period: m }), h).mean,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      fc.assert(
        fc.property(season, ({ pattern, cycles, h }) => {
          const m = pattern.length;
          const y = Array.from({ length: m * cycles }, (_, t) => pattern[t % m]);
          close(
            c.run(y, m, h),
            Array.from({ length: h }, (_, i) => pattern[(y.length + i) % m]),
          );
        }),
        { numRuns: 10 },
      );
    });
  }
});
