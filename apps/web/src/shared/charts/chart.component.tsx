import type { EChartsCoreOption } from "echarts/core";
// esm/core, not lib/core: the CommonJS build renders a blank chart in production bundles.
import ReactEChartsCore from "echarts-for-react/esm/core";
import { useMemo, useState } from "react";
import { countDataPoints } from "./chart-data.ts";
import { echarts } from "./echarts.setup.ts";

export interface ChartEvent {
  dataType?: string;
  name?: string;
  data?: unknown;
}

/** Chart text: the CJK system fonts of macOS and Windows first, then a generic fallback. */
export const CHART_FONT = "'PingFang SC', 'Microsoft YaHei', 'Noto Sans SC', sans-serif";

interface ChartProps {
  option: EChartsCoreOption;
  testId: string;
  height?: number;
  onClick?: (event: ChartEvent) => void;
}

/**
 * An ECharts canvas. `data-points` and `data-rendered` let browser tests check that the chart
 * received data and finished drawing, without reaching into ECharts internals.
 */
export function Chart({ option, testId, height = 320, onClick }: ChartProps) {
  const [rendered, setRendered] = useState(false);
  const withFont = useMemo(() => ({ textStyle: { fontFamily: CHART_FONT }, ...option }), [option]);
  // "finished" fires once drawing and the entry animation are done: tests and screenshots wait for it.
  const events = useMemo(() => {
    const map: Record<string, (event: ChartEvent) => void> = { finished: () => setRendered(true) };
    if (onClick !== undefined) map.click = onClick;
    return map;
  }, [onClick]);
  return (
    <div
      data-testid={testId}
      data-points={countDataPoints(option)}
      data-rendered={rendered ? "true" : "false"}
    >
      <ReactEChartsCore
        echarts={echarts}
        option={withFont}
        notMerge
        style={{ height, width: "100%" }}
        onEvents={events}
      />
    </div>
  );
}
