/** Number of data items across all series of an ECharts option (graph nodes count as data). */
export function countDataPoints(option: object): number {
  const series = (option as { series?: unknown }).series;
  const list = Array.isArray(series) ? series : series === undefined ? [] : [series];
  let n = 0;
  for (const s of list) {
    if (typeof s !== "object" || s === null) continue;
    const data = (s as { data?: unknown; nodes?: unknown }).data ?? (s as { nodes?: unknown }).nodes;
    if (Array.isArray(data)) n += data.length;
  }
  return n;
}
