import { describe, expect, it } from "vitest";
import { spcReport } from "./spc-report.ts";

// A stable zig-zag baseline, then a sustained shift of +2σ: rules and CUSUM must catch it.
const stable = Array.from({ length: 60 }, (_, i) => 10 + [0.4, -0.3, 0.1, -0.5, 0.3, -0.1][i % 6]);
const shifted = Array.from({ length: 20 }, (_, i) => 10.9 + [0.2, -0.1, 0.1, -0.2][i % 4]);
const values = [...stable, ...shifted];
const ts = values.map((_, i) => i * 60);

describe("SPC report", () => {
  it("individuals chart from the baseline flags the shift by rule number and by CUSUM", () => {
    const r = spcReport(ts, values, { baseline: 60 });
    expect(r.chart.kind).toBe("individuals");
    const nelson2 = r.rules.find((x) => x.set === "nelson" && x.rule === 2);
    expect(nelson2?.first[0]).toBeGreaterThanOrEqual(60);
    // The zig-zag baseline is stratified (MR̄ overstates σ), which Nelson 7 rightly reports.
    expect(r.rules.find((x) => x.set === "nelson" && x.rule === 7)?.first[0]).toBeLessThan(60);
    expect(r.rules.find((x) => x.set === "nelson" && x.rule === 1)).toBeUndefined();
    expect(r.cusumSignals.up).toBeGreaterThan(0);
  });

  it("subgroups of 4 use X̄-R (or X̄-S), and spec limits give capability with a normality verdict", () => {
    const r = spcReport(ts, values, {
      subgroupSize: 4,
      baseline: 15,
      spec: { lsl: 8, usl: 12, maxRate: 0.001 },
    });
    expect(r.chart.kind).toBe("xbar-r");
    expect(r.plottedPoints).toBe(20);
    expect(r.capability?.cp?.estimate).toBeGreaterThan(1);
    expect(typeof r.capability?.normality.pValue).toBe("number");
    expect(r.spec.rate).toBeGreaterThan(0);
    expect(spcReport(ts, values, { subgroupSize: 4, chart: "xbar-s" }).chart.kind).toBe("xbar-s");
  });
});
