import { CsvError, isBlankRecord, readCsv } from "../../shared/csv.ts";
import { AnalyticsError } from "../errors.ts";

/** Sparse spatial weights: for unit i, neighbours[i][k] has weight values[i][k]. */
export interface SpatialWeights {
  n: number;
  ids: string[];
  neighbours: Int32Array[];
  values: Float64Array[];
  transform: WeightsTransform;
}

/** "r": each row sums to 1 (units without neighbours keep an empty row); "b": binary 0/1. */
export type WeightsTransform = "r" | "b";

export interface GalFile {
  /** Number of units the header declares. */
  n: number;
  /** The id column the header names (`0 n shapefile idvar`), when it names one. */
  idVariable?: string;
  /** Neighbour ids per unit id, in file order. */
  neighbours: Map<string, string[]>;
}

/**
 * Parses a GeoDa GAL file: a header (`n` or `0 n shapefile idvar`), then per unit a line `id k`
 * followed by a line of k neighbour ids. Pure string function; the caller reads the file.
 */
export function parseGal(text: string): GalFile {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length === 0) throw new AnalyticsError("PARSE_ERROR", "GAL file is empty", { row: 1 });
  const head = lines[0].split(/\s+/);
  let n: number;
  let idVariable: string | undefined;
  if (head.length === 1) n = Number(head[0]);
  else if (head.length >= 4) {
    n = Number(head[1]);
    idVariable = head[3];
  } else if (head.length === 2) n = Number(head[1]);
  else throw new AnalyticsError("PARSE_ERROR", `GAL header not understood: "${lines[0]}"`, { row: 1 });
  if (!Number.isInteger(n) || n < 0) {
    throw new AnalyticsError("PARSE_ERROR", `GAL header gives no unit count: "${lines[0]}"`, { row: 1 });
  }
  const neighbours = new Map<string, string[]>();
  let i = 1;
  while (i < lines.length) {
    const [id, kText, ...rest] = lines[i].split(/\s+/);
    const k = Number(kText);
    if (id === undefined || !Number.isInteger(k) || k < 0 || rest.length > 0) {
      throw new AnalyticsError("PARSE_ERROR", `GAL line ${i + 1}: expected "id count", got "${lines[i]}"`, {
        row: i + 1,
      });
    }
    if (neighbours.has(id)) {
      throw new AnalyticsError("PARSE_ERROR", `GAL line ${i + 1}: unit ${id} listed twice`, { row: i + 1 });
    }
    let list: string[] = [];
    if (k > 0) {
      const next = lines[i + 1];
      if (next === undefined) {
        throw new AnalyticsError("PARSE_ERROR", `GAL line ${i + 2}: missing neighbours of unit ${id}`, {
          row: i + 2,
        });
      }
      list = next.split(/\s+/);
      if (list.length !== k) {
        throw new AnalyticsError(
          "PARSE_ERROR",
          `GAL line ${i + 2}: unit ${id} declares ${k} neighbours but lists ${list.length}`,
          { row: i + 2 },
        );
      }
      i += 2;
    } else {
      // A unit with no neighbours may or may not be followed by an empty line (dropped above).
      i += 1;
    }
    neighbours.set(id, list);
  }
  if (neighbours.size !== n) {
    throw new AnalyticsError(
      "PARSE_ERROR",
      `GAL header declares ${n} units but the file lists ${neighbours.size}`,
    );
  }
  return { n, idVariable, neighbours };
}

/**
 * Parses an edge list CSV (`from,to[,weight]` with a header line). Each line is one directed link;
 * `symmetric` adds the reverse of any link that is missing.
 */
export function parseEdgeList(text: string, symmetric = true): Map<string, Map<string, number>> {
  let records: string[][];
  try {
    records = readCsv(text);
  } catch (err) {
    if (err instanceof CsvError) throw new AnalyticsError("PARSE_ERROR", err.message, { row: err.row });
    throw err;
  }
  const lines = records.map((cells, k) => ({ row: k + 1, cells })).filter((r) => !isBlankRecord(r.cells));
  const out = new Map<string, Map<string, number>>();
  const add = (a: string, b: string, w: number, overwrite: boolean) => {
    let row = out.get(a);
    if (!row) {
      row = new Map();
      out.set(a, row);
    }
    if (overwrite || !row.has(b)) row.set(b, w);
  };
  lines.slice(1).forEach(({ row, cells: raw }) => {
    const cells = raw.map((c) => c.trim());
    const w = cells.length > 2 ? Number(cells[2]) : 1;
    if (cells.length < 2 || cells[0] === "" || cells[1] === "" || !Number.isFinite(w) || w < 0) {
      throw new AnalyticsError("PARSE_ERROR", `edge list line ${row}: expected "from,to[,weight>=0]"`, {
        row,
      });
    }
    add(cells[0], cells[1], w, true);
  });
  if (symmetric) for (const [a, row] of [...out]) for (const [b, w] of row) add(b, a, w, false);
  return out;
}

/**
 * Builds weights over `ids` (the order of the data rows). Every id a link names must be in `ids`;
 * `transform` "r" row-standardises, "b" keeps 0/1 (or the edge weights).
 */
export function buildWeights(
  ids: readonly string[],
  links: Map<string, readonly string[]> | Map<string, Map<string, number>>,
  transform: WeightsTransform = "r",
): SpatialWeights {
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (index.has(id))
      throw new AnalyticsError("INVALID_INPUT", `id ${id} appears twice in the data`, { row: i + 1 });
    index.set(id, i);
  });
  const neighbours: Int32Array[] = [];
  const values: Float64Array[] = [];
  for (const id of ids) {
    const entry = links.get(id);
    const pairs: [number, number][] = [];
    const list: [string, number][] = entry
      ? Array.isArray(entry)
        ? entry.map((nb): [string, number] => [nb, 1])
        : [...(entry as Map<string, number>)]
      : [];
    for (const [nb, w] of list) {
      const j = index.get(nb);
      if (j === undefined) {
        throw new AnalyticsError(
          "UNKNOWN_ID",
          `weights name neighbour ${nb} of ${id}, which is not in the data`,
          {
            unit: id,
          },
        );
      }
      pairs.push([j, transform === "b" && Array.isArray(entry) ? 1 : w]);
    }
    const total = pairs.reduce((acc, [, w]) => acc + w, 0);
    neighbours.push(Int32Array.from(pairs.map(([j]) => j)));
    values.push(Float64Array.from(pairs.map(([, w]) => (transform === "r" && total > 0 ? w / total : w))));
  }
  for (const key of links.keys()) {
    if (!index.has(key))
      throw new AnalyticsError("UNKNOWN_ID", `weights list unit ${key}, which is not in the data`, {
        unit: key,
      });
  }
  return { n: ids.length, ids: [...ids], neighbours, values, transform };
}

/** Weights for a regular rows × cols lattice with rook contiguity, row-major ids 1..n. */
export function latticeWeights(
  rows: number,
  cols: number,
  transform: WeightsTransform = "r",
): SpatialWeights {
  const links = new Map<string, string[]>();
  const ids: string[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const id = String(r * cols + c + 1);
      ids.push(id);
      const nb: string[] = [];
      if (r > 0) nb.push(String((r - 1) * cols + c + 1));
      if (c > 0) nb.push(String(r * cols + c));
      if (c < cols - 1) nb.push(String(r * cols + c + 2));
      if (r < rows - 1) nb.push(String((r + 1) * cols + c + 1));
      links.set(id, nb);
    }
  }
  return buildWeights(ids, links, transform);
}
