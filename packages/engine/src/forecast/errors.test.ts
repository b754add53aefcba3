import { describe, expect, it } from "vitest";
import { forecastBatch } from "./batch.ts";
import { ForecastError } from "./errors.ts";
import { forecast } from "./forecast.ts";
import { parseSeriesCsv } from "./series-csv.ts";
import type { ForecastOptions } from "./types.ts";

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ForecastError);
    return (err as ForecastError).code;
  }
  return "no error";
}

describe("bad input gets a typed ForecastError", () => {
  const ok = [5, 6, 7, 8, 9, 10];
  const cases: [string, number[], ForecastOptions, string][] = [
    ["empty series", [], { horizon: 3 }, "EMPTY_SERIES"],
    ["NaN", [1, Number.NaN, 3], { horizon: 3 }, "NOT_FINITE"],
    ["Infinity", [1, 2, Number.POSITIVE_INFINITY], { horizon: 3 }, "NOT_FINITE"],
    ["negative demand", [1, -2, 3], { horizon: 3 }, "NEGATIVE_VALUE"],
    ["too short for Holt", [1, 2, 3], { horizon: 3, method: "holt" }, "TOO_SHORT"],
    ["too short for seasonal naive", [1, 2, 3], { horizon: 3, period: 12, method: "snaive" }, "TOO_SHORT"],
    ["zero horizon", ok, { horizon: 0 }, "BAD_HORIZON"],
    ["fractional horizon", ok, { horizon: 2.5 }, "BAD_HORIZON"],
    ["bad period", ok, { horizon: 2, period: 0 }, "BAD_PERIOD"],
    ["unknown method", ok, { horizon: 2, method: "magic" as ForecastOptions["method"] }, "UNKNOWN_METHOD"],
    ["bad level", ok, { horizon: 2, levels: [120] }, "BAD_LEVEL"],
  ];
  for (const [name, y, opts, code] of cases) {
    it(name, () => {
      expect(codeOf(() => forecast(y, opts))).toBe(code);
    });
  }

  it("names the offending position", () => {
    try {
      forecast([1, 2, Number.NaN], { horizon: 1 });
    } catch (err) {
      expect((err as ForecastError).detail.index).toBe(3);
    }
    expect.assertions(1);
  });

  it("allows negative values when the series is not demand", () => {
    const f = forecast([-1, -2, -3, -4, -5, -6], { horizon: 2, method: "naive", nonNegative: false });
    expect(f.mean).toEqual([-6, -6]);
  });
});

describe("intervals", () => {
  it("nest 80% inside 95% around the mean, clipped at zero for demand", () => {
    const y = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4];
    const f = forecast(y, { horizon: 6, method: "ses" });
    const [i80, i95] = f.intervals;
    expect([i80.level, i95.level]).toEqual([80, 95]);
    f.mean.forEach((m, i) => {
      expect(i95.lower[i]).toBeLessThanOrEqual(i80.lower[i]);
      expect(i80.lower[i]).toBeLessThanOrEqual(m);
      expect(m).toBeLessThanOrEqual(i80.upper[i]);
      expect(i80.upper[i]).toBeLessThan(i95.upper[i]);
      expect(i95.lower[i]).toBeGreaterThanOrEqual(0);
    });
  });
});

describe("M4-layout CSV", () => {
  it("reads a header row and rows of unequal length", () => {
    const text = '"V1","V2","V3","V4"\n"H1","1","2","3"\n"H2","4","5",""\n';
    expect(parseSeriesCsv(text)).toEqual([
      { id: "H1", values: [1, 2, 3] },
      { id: "H2", values: [4, 5] },
    ]);
  });
  it("reads a file without a header", () => {
    expect(parseSeriesCsv("a,1,2\nb,3\n")).toEqual([
      { id: "a", values: [1, 2] },
      { id: "b", values: [3] },
    ]);
  });
  it("reports the row and column of a bad cell", () => {
    try {
      parseSeriesCsv("a,1,2\nb,3,x\n");
    } catch (err) {
      expect(err).toBeInstanceOf(ForecastError);
      expect((err as ForecastError).code).toBe("BAD_INPUT_FILE");
      expect((err as ForecastError).detail).toMatchObject({ row: 2, column: 3 });
    }
    expect.assertions(3);
  });
});

describe("batch forecasting", () => {
  const series = Array.from({ length: 5 }, (_, i) => ({
    id: `s${i}`,
    values: [1, 2, 3, 4, 5, 6].map((v) => v + i),
  }));

  it("reports progress after every series", async () => {
    const seen: number[] = [];
    const out = await forecastBatch(series, {
      horizon: 2,
      method: "naive",
      onProgress: (p) => seen.push(p.done),
    });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(out.map((o) => (o.ok ? o.mean[0] : Number.NaN))).toEqual([6, 7, 8, 9, 10]);
  });

  it("stops with ABORTED when the signal fires", async () => {
    const ctrl = new AbortController();
    const run = forecastBatch(series, {
      horizon: 2,
      method: "naive",
      sliceSize: 1,
      onProgress: (p) => {
        if (p.done === 2) ctrl.abort();
      },
      signal: ctrl.signal,
    });
    await expect(run).rejects.toMatchObject({ code: "ABORTED" });
  });

  it("can keep going past a bad series", async () => {
    const out = await forecastBatch([...series, { id: "bad", values: [1, -1] }], {
      horizon: 1,
      continueOnError: true,
    });
    expect(out[5]).toMatchObject({ id: "bad", ok: false, error: { code: "NEGATIVE_VALUE" } });
  });
});
