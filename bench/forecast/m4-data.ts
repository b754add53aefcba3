import { readFileSync } from "node:fs";
import { parseSeriesCsv, type SeriesInput } from "@clusterbrain/engine/forecast";
import { isBlankRecord, readCsv } from "@clusterbrain/engine/shared";
import { datasetPath } from "../lib/datasets.ts";

export interface M4Frequency {
  name: "Hourly" | "Weekly";
  /** The M4 frequency: seasonal period of the benchmarks and of the MASE scale. */
  m4Period: number;
  horizon: number;
  /** Periods our own methods are given (the data's real cycles). */
  periods: number[];
}

export const FREQUENCIES: M4Frequency[] = [
  { name: "Hourly", m4Period: 24, horizon: 48, periods: [24, 168] },
  { name: "Weekly", m4Period: 1, horizon: 13, periods: [52] },
];

export interface M4Series {
  id: string;
  train: readonly number[];
  test: readonly number[];
}

export function loadM4(freq: M4Frequency["name"]): M4Series[] {
  const train = parseSeriesCsv(readFileSync(datasetPath("m4", "Train", `${freq}-train.csv`), "utf8"));
  const test = new Map<string, SeriesInput>(
    parseSeriesCsv(readFileSync(datasetPath("m4", "Test", `${freq}-test.csv`), "utf8")).map((s) => [s.id, s]),
  );
  return train.map((s) => {
    const t = test.get(s.id);
    if (!t) throw new Error(`M4 ${freq}: no test values for ${s.id}`);
    return { id: s.id, train: s.values, test: t.values };
  });
}

export interface PublishedRow {
  id: string;
  method: string;
  smape: number;
  mase: number;
  owa: number;
}

/** Rows of m4_point_forecast_accuracy_by_frequency.csv for one frequency. */
export function loadPublished(freq: M4Frequency["name"]): PublishedRow[] {
  const text = readFileSync(
    datasetPath("m4", "results", "m4_point_forecast_accuracy_by_frequency.csv"),
    "utf8",
  );
  const [cols, ...rows] = readCsv(text).filter((r) => !isBlankRecord(r));
  const at = (name: string): number => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`published table lacks column ${name}`);
    return i;
  };
  const [iS, iM, iO] = [at(`sMAPE_${freq}`), at(`MASE_${freq}`), at(`OWA_${freq}`)];
  return rows.map((c) => {
    return { id: c[0], method: c[1], smape: Number(c[iS]), mase: Number(c[iM]), owa: Number(c[iO]) };
  });
}
