/**
 * A small RFC 4180 reader. Written here rather than taking fast-csv (only present as exceljs's
 * transitive dependency) because imports need exact record numbers for every issue, strict
 * errors instead of silent repair for malformed quoting, and no type coercion (a 统一社会信用代码
 * of 18 digits must stay text). ~80 lines, no streaming needed: files are capped at 5 MiB.
 */

export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    readonly column: number,
    message: string,
  ) {
    super(`row ${row}, column ${column}: ${message}`);
    this.name = "CsvSyntaxError";
  }
}

/**
 * Splits CSV text into records of fields. Quoted fields may hold the delimiter, `""` and line
 * breaks; CRLF, LF and lone CR all end a record. Record numbers are 1-based (the header is 1).
 */
export function parseCsv(text: string, delimiter = ","): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    record.push(field);
    records.push(record);
    record = [];
    field = "";
  };
  while (i < n) {
    const ch = text[i];
    if (ch === '"' && field === "") {
      // Quoted field: runs to the next lone quote.
      const startRow = records.length + 1;
      i++;
      for (;;) {
        if (i >= n) throw new CsvSyntaxError(startRow, record.length + 1, "quoted field is never closed");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
      const next = text[i];
      if (i < n && next !== delimiter && next !== "\n" && next !== "\r") {
        throw new CsvSyntaxError(
          records.length + 1,
          record.length + 1,
          `unexpected "${next}" after a closing quote`,
        );
      }
      // Mark the field as quoted-and-finished by falling through to the delimiter / newline handling.
      if (i >= n) break;
      continue;
    }
    if (ch === delimiter) {
      record.push(field);
      field = "";
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else if (ch === '"') {
      throw new CsvSyntaxError(
        records.length + 1,
        record.length + 1,
        "a quote inside an unquoted field (quote the whole field and double the quote)",
      );
    } else {
      field += ch;
      i++;
    }
  }
  // A final record without a trailing newline (but not the empty remainder after one).
  if (field !== "" || record.length > 0 || (n > 0 && text[n - 1] === '"')) endRecord();
  return records;
}

/**
 * Bytes to text: UTF-8 (BOM stripped) when valid, else GB18030 — what Excel on a Chinese
 * Windows writes for "CSV (逗号分隔)".
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: "utf-8" | "gb18030" } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}
