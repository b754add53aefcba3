import { JIAXING_SCHEMATIC, type ReportJobInput } from "@clusterbrain/contracts";
import { describe, expect, it } from "vitest";
import { LISA_LEGEND, reportCharts } from "./report.charts.ts";

const sn = (value: number | null, suppressed = false) => ({ value, suppressed });

/** The smallest report input the charts read: two firms, two years, two districts. */
function input(): ReportJobInput {
  return {
    scope: "cluster",
    year: 2023,
    orgNameZh: "运营中心",
    orgNameEn: "Operator",
    micro: {
      k: 3,
      dea: { units: [{ label: "甲", ccr: 1, bcc: 1, sbm: 1, scale: 1 }], meanCcr: sn(1) },
      malmquist: { periods: [{ from: 2022, to: 2023, M: sn(1.1), EC: sn(1), TC: sn(1.1) }] },
      topsis: { units: [{ rank: 1, label: "甲", closeness: 0.7 }] },
    },
    meso: { coupling: { years: [{ year: 2023, C: 0.5, T: 0.5, D: 0.5, levelZh: "勉强协调" }] } },
    macro: {
      lq: { industries: ["电子"], cells: [{ district: "南湖区", industry: "电子", lq: sn(1.2) }] },
      lisa: {
        units: [
          { district: "南湖区", value: sn(3), Ii: 0.5, p: 0.01, cluster: "HH" },
          { district: "海盐县", value: sn(null, true), Ii: null, p: null, cluster: "not available" },
        ],
      },
      spillover: {
        years: [{ year: 2023, moranI: 0.2, p: 0.1, patentsPer100: sn(2), rdIntensity: sn(0.03) }],
      },
    },
  } as unknown as ReportJobInput;
}

describe("report charts (server-side SVG)", () => {
  it("draws the LISA map: every schematic district named, a polygon each, HH coloured, a legend", () => {
    const charts = reportCharts(input());
    const lisa = charts.lisa ?? "";
    expect(lisa.startsWith("<svg")).toBe(true);
    for (const d of JIAXING_SCHEMATIC) expect(lisa).toContain(d.nameZh);
    expect(lisa.toLowerCase()).toContain((LISA_LEGEND.HH?.colour ?? "").toLowerCase());
    expect(lisa).toContain(LISA_LEGEND.HH?.label);
    expect(lisa).toContain("LISA");
    expect((lisa.match(/<path/g) ?? []).length).toBeGreaterThanOrEqual(JIAXING_SCHEMATIC.length);
  });

  it("has one chart per section with data and none for an empty section", () => {
    const charts = reportCharts(input());
    expect(Object.keys(charts).sort()).toEqual(
      ["coupling", "dea", "lisa", "lq", "malmquist", "spillover", "topsis"].sort(),
    );
    const empty = input();
    empty.micro.malmquist.periods = [];
    expect(reportCharts(empty).malmquist).toBeUndefined();
  });
});
