import type { SeriesInput } from "./batch.ts";
import { ForecastError } from "./errors.ts";

/** Splits one CSV line, honouring double quotes ("" inside quotes is a literal quote). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      cells.push(cur);
      cur = "";
    } else cur += ch;
  }
  cells.push(cur);
  return cells.map((c) => c.trim());
}

/**
 * Parses the M4 layout: one series per row, first cell its id, then its values; rows may have
 * different lengths (trailing empty cells are ignored). A first row whose value cells are not
 * numbers (the M4 files' "V1","V2",…) is taken as a header. Text only, no file access.
 */
export function parseSeriesCsv(text: string): SeriesInput[] {
  const lines = text.split(/\r?\n/);
  const out: SeriesInput[] = [];
  for (let r = 0; r < lines.length; r++) {
    if (!lines[r].trim()) continue;
    const cells = splitCsvLine(lines[r]);
    while (cells.length > 1 && cells[cells.length - 1] === "") cells.pop();
    const values = cells.slice(1);
    if (
      out.length === 0 &&
      r === lines.findIndex((l) => l.trim()) &&
      values.some((c) => c !== "" && Number.isNaN(Number(c)))
    ) {
      continue;
    }
    const id = cells[0];
    if (!id)
      throw new ForecastError("BAD_INPUT_FILE", `row ${r + 1}: the first column (series id) is empty`, {
        row: r + 1,
        column: 1,
      });
    const nums = values.map((c, i) => {
      const v = c === "" ? Number.NaN : Number(c);
      if (!Number.isFinite(v)) {
        throw new ForecastError("BAD_INPUT_FILE", `row ${r + 1}, column ${i + 2}: "${c}" is not a number`, {
          row: r + 1,
          column: i + 2,
          seriesId: id,
        });
      }
      return v;
    });
    if (!nums.length)
      throw new ForecastError("BAD_INPUT_FILE", `row ${r + 1}: series ${id} has no values`, {
        row: r + 1,
        seriesId: id,
      });
    out.push({ id, values: nums });
  }
  if (!out.length) throw new ForecastError("BAD_INPUT_FILE", "the file holds no series");
  return out;
}
