import {
  crossEfficiency,
  type DeaData,
  malmquist,
  numericColumn,
  type Orientation,
  type Panel,
  radialDea,
  sbm,
  superEfficiency,
  superSbm,
  textColumn,
} from "@clusterbrain/engine/analytics";
import { fmt, list, print, readCsv, unitIds } from "./analyze-io.ts";

export interface DeaCliOptions {
  inputs: string;
  outputs: string;
  model: string;
  orientation: string;
  rts: string;
  id?: string;
  super?: boolean;
  cross?: boolean;
  json?: boolean;
}

function deaData(file: string, inputs: string[], outputs: string[], id: string | undefined): DeaData {
  const table = readCsv(file);
  const xs = inputs.map((c) => numericColumn(table, c));
  const ys = outputs.map((c) => numericColumn(table, c));
  return {
    inputs: table.rows.map((_, k) => xs.map((col) => col[k])),
    outputs: table.rows.map((_, k) => ys.map((col) => col[k])),
    units: unitIds(table, id),
    inputNames: inputs,
    outputNames: outputs,
  };
}

function orientationOf(value: string): Orientation {
  if (value !== "input" && value !== "output")
    throw new Error(`--orientation must be input or output, got "${value}"`);
  return value;
}

export function runDea(file: string, o: DeaCliOptions): void {
  const data = deaData(file, list(o.inputs), list(o.outputs), o.id);
  const model = o.model.toLowerCase();
  const orientation = orientationOf(o.orientation);
  if (model === "sbm") {
    if (o.rts !== "crs" && o.rts !== "vrs") throw new Error(`--rts must be crs or vrs, got "${o.rts}"`);
    const r = sbm(data, { rts: o.rts });
    const sup = o.super ? superSbm(data, { rts: o.rts }).units : null;
    print(o.json ?? false, { model, ...r, superSbm: sup }, () => [
      ["unit", "SBM", ...(sup ? ["super-SBM"] : []), "slacks x", "slacks y", "peers"],
      ...r.units.map((u, i) => [
        u.unit,
        fmt(u.efficiency),
        ...(sup ? [fmt(sup[i].efficiency)] : []),
        u.slacksX.map(fmt).join(" "),
        u.slacksY.map(fmt).join(" "),
        u.peers.map((p) => `${p.unit}:${fmt(p.weight)}`).join(" "),
      ]),
    ]);
    return;
  }
  if (model !== "ccr" && model !== "bcc")
    throw new Error(`--model must be ccr, bcc or sbm, got "${o.model}"`);
  const rts = model === "ccr" ? "crs" : "vrs";
  const r = radialDea(data, { rts, orientation });
  const sup = o.super ? superEfficiency(data, { rts, orientation }).units : null;
  const cross = o.cross ? crossEfficiency(data, { mode: "aggressive" }) : null;
  const json = {
    model,
    orientation,
    lpCount: r.lpCount,
    units: r.units,
    superEfficiency: sup,
    crossEfficiency: cross ? { mode: cross.mode, meanExcludingSelf: cross.meanExcludingSelf } : null,
  };
  print(o.json ?? false, json, () => [
    [
      "unit",
      orientation === "input" ? "θ" : "φ",
      ...(sup ? ["super"] : []),
      ...(cross ? ["cross"] : []),
      "slacks x",
      "slacks y",
      "peers",
    ],
    ...r.units.map((u, i) => [
      u.unit,
      fmt(u.efficiency),
      ...(sup ? [fmt(sup[i].efficiency)] : []),
      ...(cross ? [fmt(cross.meanExcludingSelf[i])] : []),
      u.slacksX.map(fmt).join(" "),
      u.slacksY.map(fmt).join(" "),
      u.peers.map((p) => `${p.unit}:${fmt(p.weight)}`).join(" "),
    ]),
  ]);
}

export interface MalmquistCliOptions {
  inputs: string;
  outputs: string;
  id: string;
  period: string;
  orientation: string;
  json?: boolean;
}

/** Long format: one row per unit and period. Every unit must appear in every period. */
export function runMalmquist(file: string, o: MalmquistCliOptions): void {
  const table = readCsv(file);
  const ids = textColumn(table, o.id);
  const periods = textColumn(table, o.period);
  const inputs = list(o.inputs).map((c) => numericColumn(table, c));
  const outputs = list(o.outputs).map((c) => numericColumn(table, c));
  const periodList = [...new Set(periods)].sort((a, b) =>
    Number.isFinite(Number(a)) && Number.isFinite(Number(b)) ? Number(a) - Number(b) : a.localeCompare(b),
  );
  const unitList = [...new Set(ids)];
  const rowOf = new Map<string, number>();
  ids.forEach((id, k) => {
    const key = `${id}\u0000${periods[k]}`;
    if (rowOf.has(key)) throw new Error(`row ${k + 2}: unit ${id} appears twice in period ${periods[k]}`);
    rowOf.set(key, k);
  });
  const panel: Panel = {
    periods: periodList,
    data: periodList.map((p) => {
      const rows = unitList.map((u) => {
        const k = rowOf.get(`${u}\u0000${p}`);
        if (k === undefined)
          throw new Error(`unit ${u} has no row for period ${p}; Malmquist needs a balanced panel`);
        return k;
      });
      return {
        inputs: rows.map((k) => inputs.map((col) => col[k])),
        outputs: rows.map((k) => outputs.map((col) => col[k])),
        units: unitList,
      };
    }),
  };
  const rows = malmquist(panel, { orientation: orientationOf(o.orientation) });
  print(o.json ?? false, rows, () => [
    ["unit", "from", "to", "M", "EC", "TC", "PEC", "SEC"],
    ...rows.map((r) => [r.unit, r.from, r.to, fmt(r.M), fmt(r.EC), fmt(r.TC), fmt(r.PEC), fmt(r.SEC)]),
  ]);
}
