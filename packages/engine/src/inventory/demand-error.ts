import { InventoryError } from "./inventory.errors.ts";

/** Root mean squared error of forecasts against actuals (pairs with a non-finite value are refused). */
export function rmse(actuals: readonly number[], forecasts: readonly number[]): number {
  if (actuals.length !== forecasts.length)
    throw new InventoryError(
      "INVALID_NUMBER",
      "actuals and forecasts must have the same length",
      "forecasts",
    );
  if (actuals.length === 0)
    throw new InventoryError("TOO_FEW_OBSERVATIONS", "no forecast errors to measure", "actuals");
  let sum = 0;
  for (let i = 0; i < actuals.length; i++) {
    const e = actuals[i] - forecasts[i];
    if (!Number.isFinite(e))
      throw new InventoryError("INVALID_NUMBER", `value ${i} is not a finite number`, `actuals[${i}]`);
    sum += e * e;
  }
  return Math.sqrt(sum / actuals.length);
}

/** Sample standard deviation (n − 1) of a series of residuals or demands; needs two values. */
export function sampleSd(values: readonly number[]): number {
  if (values.length < 2)
    throw new InventoryError(
      "TOO_FEW_OBSERVATIONS",
      "at least two values are needed for a standard deviation",
      "values",
    );
  for (let i = 0; i < values.length; i++)
    if (!Number.isFinite(values[i]))
      throw new InventoryError("INVALID_NUMBER", `value ${i} is not a finite number`, `values[${i}]`);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
}

/**
 * One-step-ahead error of simple exponential smoothing over a demand history (RMSE of the
 * residuals after a one-period warm-up). A cheap, honest per-period forecast error for policies.
 */
export function sesForecastError(history: readonly number[], alpha = 0.2): { mean: number; errorSd: number } {
  if (history.length < 3)
    throw new InventoryError(
      "TOO_FEW_OBSERVATIONS",
      "at least three periods of demand are needed",
      "history",
    );
  const actuals: number[] = [];
  const forecasts: number[] = [];
  let level = history[0];
  for (let i = 1; i < history.length; i++) {
    actuals.push(history[i]);
    forecasts.push(level);
    level = alpha * history[i] + (1 - alpha) * level;
  }
  return { mean: level, errorSd: rmse(actuals, forecasts) };
}
