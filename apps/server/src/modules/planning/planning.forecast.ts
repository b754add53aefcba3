import type { PlanningForecast } from "@clusterbrain/contracts";
import { ForecastError, forecast, mase, smape } from "@clusterbrain/engine/forecast";
import { ConflictError } from "../../errors/index.ts";

const DAY = 86_400_000;
/** Fewest history points a forecast is made from (and the fewest kept for training in a backtest). */
export const MIN_HISTORY = 6;
const MIN_TRAIN = 8;

export interface HistoryPoint {
  date: string;
  value: number;
}

const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Month arithmetic on YYYY-MM-DD (day kept, clipped to the month's length). */
export function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDate();
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, last));
  return iso(first.getTime());
}

/** Dates of the next `horizon` periods after `last`, stepping as the history does (months stay months). */
export function futureDates(history: readonly HistoryPoint[], horizon: number): string[] {
  const times = history.map((p) => ms(p.date));
  const gaps = times
    .slice(1)
    .map((t, i) => t - times[i])
    .sort((a, b) => a - b);
  const spacing = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 30 * DAY;
  const last = history[history.length - 1].date;
  const monthly = spacing >= 27 * DAY && spacing <= 32 * DAY;
  const quarterly = spacing >= 88 * DAY && spacing <= 93 * DAY;
  return Array.from({ length: horizon }, (_, i) => {
    if (monthly) return addMonths(last, i + 1);
    if (quarterly) return addMonths(last, 3 * (i + 1));
    return iso(ms(last) + (i + 1) * Math.max(DAY, Math.round(spacing / DAY) * DAY));
  });
}

function run(values: number[], dates: string[], horizon: number) {
  try {
    return forecast(values, { horizon, period: "auto", timestamps: dates.map(ms), levels: [80, 95] });
  } catch (err) {
    if (err instanceof ForecastError) throw new ConflictError(`forecast: ${err.message}`);
    throw err;
  }
}

/** sMAPE and MASE of a forecast made without the last `h` points, against those points. */
function backtest(history: readonly HistoryPoint[], horizon: number): PlanningForecast["accuracy"] {
  const h = Math.min(horizon, history.length - MIN_TRAIN);
  if (h < 1) return null;
  const train = history.slice(0, history.length - h);
  const actual = history.slice(history.length - h).map((p) => p.value);
  const result = run(
    train.map((p) => p.value),
    train.map((p) => p.date),
    h,
  );
  const m = result.season?.periods[0] ?? 1;
  const scaled = mase(
    train.map((p) => p.value),
    actual,
    result.mean,
    m,
  );
  return { holdout: h, smape: smape(actual, result.mean), mase: Number.isFinite(scaled) ? scaled : null };
}

/**
 * The forecast screen's answer for one item: the engine's automatic method with the seasonal period
 * inferred from the history's own dates, 80/95 % intervals, the planner's overrides, and a backtest
 * (skipped with `withBacktest` false, as MRP needs only the plan).
 */
export function itemForecast(
  item: string,
  history: readonly HistoryPoint[],
  overrides: ReadonlyMap<string, number>,
  horizon: number,
  withBacktest = true,
): PlanningForecast {
  if (history.length < MIN_HISTORY)
    throw new ConflictError(
      `item ${item} has ${history.length} periods of demand history; a forecast needs at least ${MIN_HISTORY}`,
    );
  const result = run(
    history.map((p) => p.value),
    history.map((p) => p.date),
    horizon,
  );
  const band = (level: number) => result.intervals.find((i) => i.level === level)!;
  const i80 = band(80);
  const i95 = band(95);
  const dates = futureDates(history, horizon);
  const season = result.season ?? { periods: [1], source: "none" as const, reason: "no season requested" };
  return {
    item,
    history: history.map((p) => ({ date: p.date, value: p.value })),
    method: result.method,
    season: { periods: season.periods, source: season.source, reason: season.reason },
    forecast: dates.map((date, i) => {
      const override = overrides.get(date) ?? null;
      return {
        date,
        mean: result.mean[i],
        lower80: i80.lower[i],
        upper80: i80.upper[i],
        lower95: i95.lower[i],
        upper95: i95.upper[i],
        override,
        plan: override ?? result.mean[i],
      };
    }),
    accuracy: withBacktest ? backtest(history, horizon) : null,
  };
}
