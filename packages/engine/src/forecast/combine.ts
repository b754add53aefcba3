import { median } from "./stats.ts";
import type { PointForecast } from "./types.ts";

/** Element-wise median of point paths; the sd is the mean of the members' sds. */
export function combine(label: string, parts: readonly PointForecast[]): PointForecast {
  const h = parts[0].mean.length;
  return {
    method: `${label}(${parts.map((p) => p.method).join(",")})`,
    mean: Array.from({ length: h }, (_, i) => median(parts.map((p) => p.mean[i]))),
    sd: Array.from({ length: h }, (_, i) => parts.reduce((s, p) => s + p.sd[i], 0) / parts.length),
  };
}
