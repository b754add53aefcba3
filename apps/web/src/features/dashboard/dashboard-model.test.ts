import type { IndicatorTotals } from "@clusterbrain/contracts";
import { describe, expect, it } from "vitest";
import { parseDirectoryQuery } from "../directory/directory-query.ts";
import {
  compactNumber,
  dashboardSearchParams,
  drillDownUrl,
  parseDashboardFilters,
  shownYear,
  yearOnYear,
} from "./dashboard-model.ts";

const cell = (value: number | null) => ({
  value,
  firms: value === null ? null : 5,
  suppressed: value === null,
});
const year = (y: number, revenue: number | null): IndicatorTotals => ({
  year: y,
  firms: 5,
  revenue: cell(revenue),
  rdSpend: cell(1),
  exports: cell(1),
  employees: cell(1),
  patents: cell(1),
  energyUse: cell(1),
});

describe("dashboard drill-down and figures", () => {
  it("a chain-node bar opens the directory filtered to that node, the district and enterprises", () => {
    const url = drillDownUrl(
      { year: 2024, district: "南湖区", chainNode: undefined },
      { chainNode: "node-7" },
    );
    const [path, qs] = url.split("?");
    expect(path).toBe("/directory");
    const read = parseDirectoryQuery(new URLSearchParams(qs));
    expect(read).toMatchObject({
      chainNode: "node-7",
      district: "南湖区",
      kind: "enterprise",
      q: "",
      page: 1,
    });
    // A district slice replaces the dashboard's district, keeps its chain node.
    const slice = parseDirectoryQuery(
      new URLSearchParams(
        drillDownUrl({ year: undefined, district: "A", chainNode: "n" }, { district: "B" }).split("?")[1],
      ),
    );
    expect(slice).toMatchObject({ district: "B", chainNode: "n" });
  });

  it("filters survive the URL round trip; junk falls back to none", () => {
    const filters = { year: 2023, district: "秀洲区", chainNode: "n-1" };
    expect(parseDashboardFilters(dashboardSearchParams(filters))).toEqual(filters);
    expect(parseDashboardFilters(new URLSearchParams("year=abc&district=%20"))).toEqual({
      year: undefined,
      district: undefined,
      chainNode: undefined,
    });
  });

  it("year-on-year change needs both years known; a withheld year gives none", () => {
    const series = [year(2022, 100), year(2023, 125), year(2024, null)];
    expect(yearOnYear(series, 2023, "revenue")).toBeCloseTo(0.25);
    expect(yearOnYear(series, 2024, "revenue")).toBeNull();
    expect(yearOnYear(series, 2022, "revenue")).toBeNull();
    expect(shownYear([2022, 2023], undefined)).toBe(2023);
    expect(shownYear([2022, 2023], 2022)).toBe(2022);
    expect(shownYear([2022, 2023], 1999)).toBe(2023);
  });

  it("rounds for axes in each language's units", () => {
    expect(compactNumber(123456, "zh-CN")).toBe("12.3万");
    expect(compactNumber(123456, "en")).toBe("123.5k");
    expect(compactNumber(312000000, "zh-CN")).toBe("3.1亿");
    expect(compactNumber(42.4, "en")).toBe("42");
  });
});
