import { ForecastError } from "./errors.ts";
import { forecast } from "./forecast.ts";
import type { ForecastOptions, ForecastResult } from "./types.ts";

export interface SeriesInput {
  id: string;
  values: readonly number[];
  /** Epoch ms per value, when the source has them (lets `period: "auto"` read the sampling). */
  timestamps?: readonly number[];
}

export interface BatchProgress {
  done: number;
  total: number;
  /** Id of the series just finished. */
  id: string;
}

export interface BatchOptions extends ForecastOptions {
  onProgress?: (p: BatchProgress) => void;
  /** Cancels between series; the promise then rejects with ForecastError("ABORTED"). */
  signal?: AbortSignal;
  /** Series per slice before yielding to the event loop, so progress and abort get through. */
  sliceSize?: number;
  /** When true a bad series is reported in its row instead of failing the whole batch. */
  continueOnError?: boolean;
}

export type BatchItem =
  | ({ id: string; ok: true } & ForecastResult)
  | { id: string; ok: false; error: { code: string; message: string } };

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Forecasts many series in order. Built for a worker thread: it reports progress after each
 * series, yields every `sliceSize` series, and stops at the next series once `signal` aborts.
 */
export async function forecastBatch(
  series: readonly SeriesInput[],
  opts: BatchOptions,
): Promise<BatchItem[]> {
  const out: BatchItem[] = [];
  const slice = Math.max(1, opts.sliceSize ?? 8);
  for (let i = 0; i < series.length; i++) {
    if (opts.signal?.aborted) {
      throw new ForecastError("ABORTED", `forecasting cancelled after ${i} of ${series.length} series`);
    }
    const s = series[i];
    try {
      out.push({
        id: s.id,
        ok: true,
        ...forecast(s.values, s.timestamps ? { ...opts, timestamps: s.timestamps } : opts),
      });
    } catch (err) {
      if (!(err instanceof ForecastError) || !opts.continueOnError) {
        if (err instanceof ForecastError)
          throw new ForecastError(err.code, `series ${s.id}: ${err.message}`, {
            ...err.detail,
            seriesId: s.id,
          });
        throw err;
      }
      out.push({ id: s.id, ok: false, error: { code: err.code, message: err.message } });
    }
    opts.onProgress?.({ done: i + 1, total: series.length, id: s.id });
    if ((i + 1) % slice === 0) await yieldToLoop();
  }
  return out;
}
