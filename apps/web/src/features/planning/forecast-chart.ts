import type { PlanningForecast } from "@clusterbrain/contracts";
import type { EChartsCoreOption } from "echarts/core";

export interface ForecastLabels {
  history: string;
  forecast: string;
  plan: string;
  band80: string;
  band95: string;
}

/**
 * History, forecast mean, the planner's plan (override or mean) and the 80/95 % intervals as
 * stacked bands (a transparent lower line, then upper − lower filled on top of it).
 */
export function forecastOption(f: PlanningForecast, labels: ForecastLabels): EChartsCoreOption {
  const dates = [...f.history.map((p) => p.date), ...f.forecast.map((p) => p.date)];
  const pad = (values: number[]) => [...f.history.map(() => null), ...values];
  const band = (name: string, lower: number[], upper: number[], opacity: number) => [
    { name, type: "line", data: pad(lower), stack: name, lineStyle: { opacity: 0 }, symbol: "none" },
    {
      name,
      type: "line",
      data: pad(upper.map((u, i) => u - lower[i])),
      stack: name,
      lineStyle: { opacity: 0 },
      symbol: "none",
      areaStyle: { color: "#1677ff", opacity },
    },
  ];
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0, data: [labels.history, labels.forecast, labels.plan, labels.band80, labels.band95] },
    grid: { left: 60, right: 20, top: 40, bottom: 30 },
    xAxis: { type: "category", data: dates },
    yAxis: { type: "value" },
    series: [
      ...band(
        labels.band95,
        f.forecast.map((p) => p.lower95),
        f.forecast.map((p) => p.upper95),
        0.12,
      ),
      ...band(
        labels.band80,
        f.forecast.map((p) => p.lower80),
        f.forecast.map((p) => p.upper80),
        0.22,
      ),
      {
        name: labels.history,
        type: "line",
        data: [...f.history.map((p) => p.value), ...f.forecast.map(() => null)],
      },
      {
        name: labels.forecast,
        type: "line",
        data: pad(f.forecast.map((p) => p.mean)),
        lineStyle: { type: "dashed" },
      },
      { name: labels.plan, type: "line", data: pad(f.forecast.map((p) => p.plan)) },
    ],
  };
}
