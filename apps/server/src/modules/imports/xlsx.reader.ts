import ExcelJS from "exceljs";
import yauzl from "yauzl";

/**
 * Bounds on what one .xlsx may unpack to. A workbook is a zip: a 1.5 MB upload can inflate to
 * gigabytes, and exceljs inflates everything into memory before it says anything. So the zip is
 * checked first — entry count and declared sizes from the central directory, then every entry
 * stream-inflated with a running byte count (declared sizes can lie) and the worksheets' rows
 * counted — and only a workbook inside the bounds reaches exceljs.
 */
export interface XlsxLimits {
  /** Most zip entries (a plain workbook has 10–30). */
  maxEntries: number;
  /** Most bytes all entries together may inflate to. */
  maxInflatedBytes: number;
  /** Most `<row>` elements in any one worksheet. */
  maxRows: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxEntries: 1000,
  maxInflatedBytes: 32 * 1024 * 1024,
  maxRows: 100_000,
};

export type XlsxProblem = "not-xlsx" | "too-many-entries" | "too-large" | "too-many-rows";

/** Why a workbook was refused, in words for the person who sent it. */
export class XlsxError extends Error {
  override readonly name = "XlsxError";
  constructor(
    readonly problem: XlsxProblem,
    message: string,
  ) {
    super(message);
  }
}

const mib = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MiB`;
const NOT_XLSX = "the file is not a readable .xlsx workbook (save it as Excel 2007+ .xlsx)";
/** A row element, with or without a namespace prefix (`<row …>`, `<x:row>`); not `<rowBreaks>`. */
const ROW_TAG = /<(?:[A-Za-z]+:)?row[\s>/]/g;
const ROW_TAG_CARRY = 16;

function countRows(text: string): number {
  let n = 0;
  ROW_TAG.lastIndex = 0;
  while (ROW_TAG.exec(text)) n++;
  return n;
}

/** Walks the zip under the limits without keeping what it inflates; throws XlsxError past a bound. */
export async function inspectXlsx(
  bytes: Uint8Array,
  limits: XlsxLimits = DEFAULT_XLSX_LIMITS,
): Promise<void> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
    });
  } catch {
    throw new XlsxError("not-xlsx", NOT_XLSX);
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new XlsxError(
        "too-many-entries",
        `the workbook holds ${zip.entryCount} parts; at most ${limits.maxEntries} are accepted`,
      );
    }
    const entries: yauzl.Entry[] = [];
    let declared = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        entries.push(entry);
        declared += entry.uncompressedSize;
      }
    } catch {
      throw new XlsxError("not-xlsx", NOT_XLSX);
    }
    if (declared > limits.maxInflatedBytes) {
      throw new XlsxError(
        "too-large",
        `the workbook unpacks to ${mib(declared)}; at most ${mib(limits.maxInflatedBytes)} are accepted`,
      );
    }
    const names = new Set(entries.map((e) => e.fileName));
    if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml"))
      throw new XlsxError("not-xlsx", NOT_XLSX);
    let inflated = 0;
    for (const entry of entries) {
      if (entry.fileName.endsWith("/")) continue;
      const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(entry.fileName);
      let rows = 0;
      let carry = "";
      let stream: NodeJS.ReadableStream;
      try {
        stream = await zip.openReadStreamPromise(entry);
      } catch {
        throw new XlsxError("not-xlsx", NOT_XLSX);
      }
      try {
        for await (const chunk of stream) {
          const data = chunk as Buffer;
          inflated += data.length;
          if (inflated > limits.maxInflatedBytes) {
            throw new XlsxError(
              "too-large",
              `the workbook unpacks to more than ${mib(limits.maxInflatedBytes)}; that is the most accepted`,
            );
          }
          if (isSheet) {
            // latin1 keeps one char per byte, enough to find ASCII tags; the carry catches a tag split across chunks.
            const text = carry + data.toString("latin1");
            rows += countRows(text) - countRows(carry);
            carry = text.slice(-ROW_TAG_CARRY);
            if (rows > limits.maxRows) {
              throw new XlsxError(
                "too-many-rows",
                `a worksheet has more than ${limits.maxRows} rows; that is the most accepted`,
              );
            }
          }
        }
      } catch (err) {
        if (err instanceof XlsxError) throw err;
        // yauzl stops a stream that inflates past its declared size: the sizes were forged.
        if (err instanceof Error && err.message.startsWith("too many bytes")) {
          throw new XlsxError(
            "too-large",
            `the workbook part ${entry.fileName} unpacks to more than it declares`,
          );
        }
        throw new XlsxError("not-xlsx", NOT_XLSX);
      } finally {
        (stream as NodeJS.ReadableStream & { destroy(): void }).destroy();
      }
    }
  } finally {
    zip.close();
  }
}

/** THE .xlsx reader (server imports and CLI workbooks): checks the zip within `limits`, then loads it with exceljs. */
export async function readWorkbook(
  bytes: Uint8Array,
  limits: XlsxLimits = DEFAULT_XLSX_LIMITS,
): Promise<ExcelJS.Workbook> {
  await inspectXlsx(bytes, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's own Buffer type lags @types/node's generic Buffer; the bytes are what it wants.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw new XlsxError("not-xlsx", NOT_XLSX);
  }
  return workbook;
}
