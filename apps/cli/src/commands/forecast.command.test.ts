import { describe, expect, it } from "vitest";
import { parseFlags, runForecast, toJson, toTable } from "./forecast.command.ts";

// A small M4-layout file (header row like the M4 files, rows of unequal length).
const trend = Array.from({ length: 30 }, (_, t) => 100 + 2 * t);
const season = Array.from({ length: 48 }, (_, t) => [10, 20, 30, 20][t % 4]);

describe("clusterbrain forecast", () => {
  it("gives mean and 95% bounds per series in --json", async () => {
    const run = parseFlags({ horizon: "4", period: "4", method: "snaive" });
    const items = await runForecast(
      [
        { id: "T", values: trend },
        { id: "S", values: season },
      ],
      run,
    );
    const json = JSON.parse(toJson(items)) as {
      id: string;
      mean: number[];
      lower: number[];
      upper: number[];
    }[];
    expect(json.map((j) => j.id)).toEqual(["T", "S"]);
    expect(json[1].mean).toEqual([10, 20, 30, 20]);
    for (const j of json) {
      expect(j.mean).toHaveLength(4);
      j.mean.forEach((m, i) => {
        expect(j.lower[i]).toBeLessThanOrEqual(m);
        expect(j.upper[i]).toBeGreaterThanOrEqual(m);
      });
    }
  });

  it("prints a readable table and reports a bad series in its row", async () => {
    const items = await runForecast(
      [
        { id: "T", values: trend },
        { id: "short", values: [1, 2] },
      ],
      parseFlags({ horizon: "2", period: "1", method: "holt" }),
    );
    const text = toTable(items);
    expect(text).toContain("T  (holt)");
    expect(text).toMatch(/95% interval/);
    expect(text).toContain("short: method holt needs at least 5 values, got 2 [TOO_SHORT]");
  });

  it("rejects bad flags with the flag's name", () => {
    expect(() => parseFlags({ horizon: "0", period: "1", method: "auto" })).toThrow(/--horizon/);
    expect(() => parseFlags({ horizon: "3", period: "24,x", method: "auto" })).toThrow(/--period/);
    expect(() => parseFlags({ horizon: "3", period: "1", method: "prophet" })).toThrow(/--method/);
  });

  it("infers the season when no --period is given, as the platform does", async () => {
    // Ten years of a monthly cycle on a trend with an irregular wiggle: period 12 must be found.
    const monthly = Array.from(
      { length: 120 },
      (_, t) => 200 + t + 25 * Math.sin((2 * Math.PI * t) / 12) + ((t * 7) % 5),
    );
    const auto = parseFlags({ horizon: "12", period: "auto", method: "snaive" });
    expect(auto.periods).toBe("auto");
    const [inferred] = await runForecast([{ id: "M", values: monthly }], auto);
    const [known] = await runForecast(
      [{ id: "M", values: monthly }],
      parseFlags({ horizon: "12", period: "12", method: "snaive" }),
    );
    if (!inferred.ok || !known.ok) throw new Error("forecast failed");
    expect(inferred.mean).toEqual(known.mean);
    expect(toTable([inferred])).toMatch(/season: autocorrelation of the differences at lag 12/);
    expect(JSON.parse(toJson([inferred]))[0].periods).toEqual([12]);
  });
});
