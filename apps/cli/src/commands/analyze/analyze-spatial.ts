import {
  buildWeights,
  type GearyResult,
  gearyC,
  localMoran,
  type MoranResult,
  moranI,
  numericColumn,
  parseEdgeList,
  parseGal,
  type SpatialWeights,
  textColumn,
  type WeightsTransform,
} from "@clusterbrain/engine/analytics";
import { fmt, print, readCsv, readText } from "./analyze-io.ts";

export interface SpatialCliOptions {
  column: string;
  weights: string;
  id?: string;
  transform: string;
  permutations: number;
  seed: number;
  json?: boolean;
}

/**
 * Weights from a GAL file (ids refer to the --id column, else to the column the GAL header names,
 * else to 1-based row order) or from an edge-list CSV `from,to[,weight]` (same id rule minus the header).
 */
function loadWeights(file: string, o: SpatialCliOptions): { y: number[]; w: SpatialWeights } {
  const table = readCsv(file);
  const y = numericColumn(table, o.column);
  if (o.transform !== "r" && o.transform !== "b")
    throw new Error(`--transform must be r or b, got "${o.transform}"`);
  const transform: WeightsTransform = o.transform;
  const text = readText(o.weights);
  const isGal = /\.gal$/i.test(o.weights);
  const gal = isGal ? parseGal(text) : null;
  const idColumn =
    o.id ?? (gal?.idVariable && table.header.includes(gal.idVariable) ? gal.idVariable : undefined);
  const ids = idColumn ? textColumn(table, idColumn) : table.rows.map((_, k) => String(k + 1));
  const links = gal ? gal.neighbours : parseEdgeList(text, true);
  return { y, w: buildWeights(ids, links, transform) };
}

/** The inference fields Moran's I and Geary's C share, in the order the CLI prints them. */
function globalInference(r: MoranResult | GearyResult, o: SpatialCliOptions, n: number) {
  return {
    expected: r.expected,
    z: r.zNormal,
    p: r.pNormalTwoTailed,
    pOneTailed: r.pNormalOneTailed,
    zRandomisation: r.zRandomisation,
    pRandomisation: r.pRandomisationTwoTailed,
    pPermutation: r.permutation?.p ?? null,
    permutations: r.permutation?.permutations ?? 0,
    seed: o.seed,
    n,
  };
}

function printStatistics(o: SpatialCliOptions, out: Record<string, number | null | undefined>): void {
  print(o.json ?? false, out, () => [
    ["statistic", "value"],
    ...Object.entries(out).map(([k, v]) => [k, fmt(v)]),
  ]);
}

export function runMoran(file: string, o: SpatialCliOptions): void {
  const { y, w } = loadWeights(file, o);
  const r = moranI(y, w, { permutations: o.permutations, seed: o.seed });
  printStatistics(o, { I: r.I, ...globalInference(r, o, w.n) });
}

export function runGeary(file: string, o: SpatialCliOptions): void {
  const { y, w } = loadWeights(file, o);
  const r = gearyC(y, w, { permutations: o.permutations, seed: o.seed });
  printStatistics(o, { C: r.C, ...globalInference(r, o, w.n) });
}

export function runLisa(file: string, o: SpatialCliOptions): void {
  const { y, w } = loadWeights(file, o);
  const units = localMoran(y, w, { permutations: o.permutations, seed: o.seed });
  print(o.json ?? false, units, () => [
    ["id", "Ii", "quadrant", "p", "cluster"],
    ...units.map((u) => [u.id, fmt(u.Ii), u.quadrant, fmt(u.p), u.cluster]),
  ]);
}
