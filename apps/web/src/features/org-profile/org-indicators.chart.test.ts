import type { IndicatorYear } from "@clusterbrain/contracts";
import { describe, expect, it } from "vitest";
import { countDataPoints } from "../../shared/charts/chart-data.ts";
import { orgIndicatorsOption } from "./org-indicators.chart.ts";

const year = (y: number, revenue: number): IndicatorYear => ({
  year: y,
  revenue,
  rdSpend: revenue / 20,
  employees: 100,
  patents: 3,
  energyUse: 10,
  exports: revenue / 4,
  fixedAssets: 500,
  profit: revenue / 10,
});

describe("orgIndicatorsOption", () => {
  it("orders years and keeps each series aligned with them", () => {
    const option = orgIndicatorsOption([year(2024, 300), year(2022, 100), year(2023, 200)], (k) => k) as {
      xAxis: { data: string[] };
      series: { name: string; data: number[] }[];
    };
    expect(option.xAxis.data).toEqual(["2022", "2023", "2024"]);
    expect(option.series.find((s) => s.name === "indicator.revenue")?.data).toEqual([100, 200, 300]);
    expect(countDataPoints(option)).toBe(5 * 3);
  });
});
