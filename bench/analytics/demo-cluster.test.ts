// Runs the analytics over the demo cluster (`@clusterbrain/demo`), so every method has real-shaped
// data to show and the demo stays usable by them: 280 firms × 5 years of indicators, ~1.7k links.
import { generateDemoCluster } from "@clusterbrain/demo";
import {
  competitiveness,
  type DeaData,
  malmquist,
  radialDea,
  sbm,
  sizeBand,
  superEfficiency,
  supplyNetwork,
} from "@clusterbrain/engine/analytics";
import { describe, expect, it } from "vitest";

const demo = generateDemoCluster();
const firmKeys = [...new Set(demo.indicators.map((i) => i.orgKey))].sort();
const byKeyYear = new Map(demo.indicators.map((i) => [`${i.orgKey}|${i.year}`, i]));

function yearData(year: number): DeaData {
  const rows = firmKeys.map((k) => byKeyYear.get(`${k}|${year}`)!);
  return {
    inputs: rows.map((r) => [r.fixedAssets, r.employees, r.energyUse]),
    outputs: rows.map((r) => [r.revenue, r.patents + 1]),
    units: firmKeys,
  };
}

describe("analytics over the demo cluster", () => {
  it("DEA scores in (0, 1], SBM ≤ CCR, and super-efficiency ranks the efficient firms", () => {
    const d = yearData(demo.years[demo.years.length - 1]);
    const c = radialDea(d);
    const b = radialDea(d, { rts: "vrs" });
    const s = sbm(d);
    const sup = superEfficiency(d, { scores: c.units.map((u) => u.efficiency) });
    c.units.forEach((u, i) => {
      expect(u.efficiency).toBeGreaterThan(0);
      expect(u.efficiency).toBeLessThanOrEqual(1 + 1e-9);
      expect(b.units[i].efficiency).toBeGreaterThanOrEqual(u.efficiency - 1e-9);
      expect(s.units[i].efficiency).toBeLessThanOrEqual(u.efficiency + 1e-8);
    });
    const efficient = sup.units.filter((u) => u.efficiency !== null && u.efficiency > 1 - 1e-9);
    expect(efficient.length).toBeGreaterThan(0);
    expect(efficient.length).toBeLessThan(d.inputs.length);
  });

  it("Malmquist over the five years gives finite, positive parts for every firm and year", () => {
    const rows = malmquist({ periods: demo.years.map(String), data: demo.years.map(yearData) });
    expect(rows).toHaveLength(firmKeys.length * (demo.years.length - 1));
    for (const r of rows) {
      for (const v of [r.M, r.EC, r.TC, r.PEC, r.SEC]) expect(Number.isFinite(v) && v > 0).toBe(true);
    }
  });

  it("competitiveness by chain node explains every firm's rank, and the supply network is connected enough", () => {
    const last = demo.years[demo.years.length - 1];
    const orgs = new Map(demo.orgs.map((o) => [o.key, o]));
    const firms = firmKeys.map((k) => {
      const i = byKeyYear.get(`${k}|${last}`)!;
      const o = orgs.get(k)!;
      return {
        id: k,
        chainNode: o.nodeKeys[0] ?? "(none)",
        sizeBand: sizeBand(i.employees),
        values: [
          i.revenue,
          i.rdSpend / Math.max(1, i.revenue),
          i.patents,
          i.energyUse / Math.max(1, i.revenue),
        ],
      };
    });
    const res = competitiveness(
      firms,
      [
        { key: "revenue", direction: "benefit", zh: "营业收入", en: "revenue" },
        { key: "rdIntensity", direction: "benefit", zh: "研发强度", en: "R&D intensity" },
        { key: "patents", direction: "benefit", zh: "专利", en: "patents" },
        { key: "energyIntensity", direction: "cost", zh: "单位产值能耗", en: "energy per revenue" },
      ],
      { groupBy: ["chainNode"] },
    );
    expect(res.firms.every((f) => f.explanation.zh.length > 0 && f.explanation.en.startsWith("Ranked"))).toBe(
      true,
    );
    const net = supplyNetwork(
      demo.relations.map((r) => ({ supplier: r.supplierKey, customer: r.customerKey })),
    );
    expect(net.density).toBeGreaterThan(0);
    expect(net.communities).toBeGreaterThan(1);
  });
});
