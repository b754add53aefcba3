import { CsvError, isBlankRecord, readCsv } from "../shared/csv.ts";
import type { SeriesInput } from "./batch.ts";
import { ForecastError } from "./errors.ts";

function records(text: string): string[][] {
  try {
    return readCsv(text);
  } catch (err) {
    if (err instanceof CsvError)
      throw new ForecastError("BAD_INPUT_FILE", err.message, { row: err.row, column: err.column });
    throw err;
  }
}

/**
 * Parses the M4 layout: one series per row, first cell its id, then its values; rows may have
 * different lengths (trailing empty cells are ignored). A first row whose value cells are not
 * numbers (the M4 files' "V1","V2",…) is taken as a header. Text only, no file access; quoting
 * follows the shared CSV reader.
 */
export function parseSeriesCsv(text: string): SeriesInput[] {
  const all = records(text);
  const firstFilled = all.findIndex((cells) => !isBlankRecord(cells));
  const out: SeriesInput[] = [];
  for (let r = 0; r < all.length; r++) {
    if (isBlankRecord(all[r])) continue;
    const cells = all[r].map((c) => c.trim());
    while (cells.length > 1 && cells[cells.length - 1] === "") cells.pop();
    const values = cells.slice(1);
    if (out.length === 0 && r === firstFilled && values.some((c) => c !== "" && Number.isNaN(Number(c)))) {
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
