import { AnalyticsError } from "../errors.ts";

/** Units in rows; inputs and outputs as units × variables. Names are optional labels for messages. */
export interface DeaData {
  inputs: readonly (readonly number[])[];
  outputs: readonly (readonly number[])[];
  units?: readonly string[];
  inputNames?: readonly string[];
  outputNames?: readonly string[];
}

export type ReturnsToScale = "crs" | "vrs";
export type Orientation = "input" | "output";

export interface PeerWeight {
  index: number;
  unit: string;
  weight: number;
}

export function unitLabels(data: DeaData): string[] {
  return data.inputs.map((_, j) => data.units?.[j] ?? String(j + 1));
}

/**
 * Conventions (docs/analytics.md): every value finite and >= 0; each unit needs at least one positive
 * input and one positive output, otherwise radial scores degenerate to 0 or infinity. Zero entries
 * are otherwise allowed. Violations throw AnalyticsError with the unit (row) and column.
 */
export function validateDeaData(data: DeaData): { n: number; m: number; s: number } {
  const n = data.inputs.length;
  if (n === 0) throw new AnalyticsError("INVALID_INPUT", "DEA needs at least one unit");
  if (data.outputs.length !== n) {
    throw new AnalyticsError(
      "DIMENSION_MISMATCH",
      `inputs have ${n} units but outputs have ${data.outputs.length}`,
    );
  }
  const m = data.inputs[0].length;
  const s = data.outputs[0].length;
  if (m === 0 || s === 0)
    throw new AnalyticsError("INVALID_INPUT", "DEA needs at least one input and one output");
  const labels = unitLabels(data);
  const check = (rows: readonly (readonly number[])[], width: number, kind: "input" | "output") => {
    rows.forEach((row, j) => {
      const unit = labels[j];
      if (row.length !== width) {
        throw new AnalyticsError(
          "DIMENSION_MISMATCH",
          `unit ${unit}: expected ${width} ${kind}s, got ${row.length}`,
          {
            row: j + 1,
            unit,
          },
        );
      }
      let positive = false;
      row.forEach((v, i) => {
        const column = (kind === "input" ? data.inputNames : data.outputNames)?.[i] ?? `${kind} ${i + 1}`;
        if (!Number.isFinite(v)) {
          throw new AnalyticsError("NON_FINITE_VALUE", `unit ${unit}: ${column} is ${v}`, {
            row: j + 1,
            column,
            unit,
          });
        }
        if (v < 0) {
          throw new AnalyticsError("NEGATIVE_VALUE", `unit ${unit}: ${column} is negative (${v})`, {
            row: j + 1,
            column,
            unit,
          });
        }
        if (v > 0) positive = true;
      });
      if (!positive) {
        throw new AnalyticsError(
          kind === "input" ? "NO_POSITIVE_INPUT" : "NO_POSITIVE_OUTPUT",
          `unit ${unit} has no positive ${kind}`,
          { row: j + 1, unit },
        );
      }
    });
  };
  check(data.inputs, m, "input");
  check(data.outputs, s, "output");
  return { n, m, s };
}

/** Column-major block of the envelopment matrix: rows = inputs then outputs, one column per unit. */
export function technologyMatrix(data: DeaData, rows: number): Float64Array {
  const n = data.inputs.length;
  const m = data.inputs[0].length;
  const s = data.outputs[0].length;
  const a = new Float64Array(rows * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < m; i++) a[j * rows + i] = data.inputs[j][i];
    for (let r = 0; r < s; r++) a[j * rows + m + r] = data.outputs[j][r];
  }
  return a;
}
