// Public API of @clusterbrain/engine/forecast.
export { damped, holt, naive, naive2, seasonalNaive, ses } from "./baseline.ts";
export {
  type BatchItem,
  type BatchOptions,
  type BatchProgress,
  forecastBatch,
  type SeriesInput,
} from "./batch.ts";
export { combine } from "./combine.ts";
export { m4SeasonalAdjust, multiplicativeFigure } from "./decompose.ts";
export { ForecastError, type ForecastErrorCode, type ForecastErrorDetail } from "./errors.ts";
export { autoEts, candidateSpecs, type EtsFit, etsForecast, fitEts } from "./ets.ts";
export type { EtsSpec } from "./ets-core.ts";
export { forecast, normalisePeriods, validateSeries, withIntervals } from "./forecast.ts";
export { averageDemandInterval, croston, sba, tsb } from "./intermittent.ts";
export { coverage, type M4Score, mase, owa, smape } from "./m4-score.ts";
export { minimumLength, pointForecast } from "./methods.ts";
export { mstlDecompose, mstlForecast } from "./mstl.ts";
export { inferPeriods, type PeriodInference, VALUE_CANDIDATES } from "./period.ts";
export { type Candidate, type HoldoutOptions, holdoutSelect } from "./select.ts";
export { parseSeriesCsv } from "./series-csv.ts";
export { acf, seasonalityTest } from "./stats.ts";
export { theta, thetaCore } from "./theta.ts";
export {
  type ForecastOptions,
  type ForecastResult,
  METHOD_NAMES,
  type MethodName,
  type PointForecast,
  type PredictionInterval,
} from "./types.ts";
