import type { GrowthMacro, GrowthMicro } from "@clusterbrain/contracts";
import { describe, expect, it } from "vitest";
import { deaOption, LISA_COLOURS, lisaMapOption } from "./growth.charts.ts";

const t = (k: string) => k;

describe("growth chart options", () => {
  it("the LISA map colours each district by its cluster and carries the district for the drill-down", () => {
    const units: GrowthMacro["lisa"]["units"] = [
      { district: "南湖区", value: { value: 2, firms: 5, suppressed: false }, Ii: 1, p: 0.01, cluster: "HH" },
      {
        district: "海盐县",
        value: { value: null, firms: null, suppressed: true },
        Ii: null,
        p: null,
        cluster: "not available",
      },
    ];
    const option = lisaMapOption(
      units,
      (c) => c,
      (d) => d,
    ) as {
      series: { map: string; data: { name: string; district: string; itemStyle: { areaColor: string } }[] }[];
    };
    const data = option.series[0].data;
    expect(option.series[0].map).toBe("jiaxing-schematic");
    expect(data.map((d) => d.district)).toEqual(["南湖区", "海盐县"]);
    expect(data[0].itemStyle.areaColor).toBe(LISA_COLOURS.HH);
    expect(data[1].itemStyle.areaColor).toBe(LISA_COLOURS["not available"]);
  });

  it("the DEA chart keeps my firm even outside the top units and marks it, with its org id for the click", () => {
    const unit = (i: number, own = false) => ({
      orgId: own ? "me" : null,
      label: own ? "me" : `#${i}`,
      labelEn: own ? "me" : `#${i}`,
      own,
      ccr: own ? 0.1 : 1 - i / 100,
      bcc: 1,
      scale: 1,
      sbm: 1,
      superEfficiency: 1,
      peers: [],
      targets: null,
    });
    const dea: GrowthMicro["dea"] = {
      meaning: "growth.meaning.dea",
      inputs: [],
      outputs: [],
      suppressed: false,
      meanCcr: { value: 0.5, firms: 41, suppressed: false },
      efficientShare: { value: 0.1, firms: 41, suppressed: false },
      units: [...Array.from({ length: 40 }, (_, i) => unit(i)), unit(99, true)],
    };
    const option = deaOption(dea, t) as { series: { data: { orgId?: string | null }[] }[] };
    const bars = option.series[0].data;
    expect(bars.length).toBe(31);
    expect(bars.at(-1)?.orgId).toBe("me");
  });
});
