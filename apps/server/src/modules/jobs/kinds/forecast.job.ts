import { forecastJobInputSchema } from "@clusterbrain/contracts";
import { ForecastError, forecastBatch } from "@clusterbrain/engine/forecast";
import type { KindRunner } from "../job.protocol.ts";

/** Many series: progress per series; cancel stops at the next series (the batch yields between slices). */
export const runForecastJob: KindRunner = async (raw, ctx) => {
  const input = forecastJobInputSchema.parse(raw);
  const abort = new AbortController();
  try {
    const items = await forecastBatch(input.series, {
      horizon: input.horizon,
      period: input.period,
      levels: input.level === undefined ? undefined : [input.level],
      continueOnError: true,
      signal: abort.signal,
      onProgress: (p) => {
        ctx.progress(p.done / p.total, `${p.done} / ${p.total} series`);
        if (ctx.cancelRequested()) abort.abort();
      },
    });
    return { cancelled: false, result: { series: items.length, items } };
  } catch (err) {
    if (err instanceof ForecastError && err.code === "ABORTED") return { cancelled: true, result: null };
    throw err;
  }
};
