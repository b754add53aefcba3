import { TraceError } from "./trace.errors.ts";

/** One parsed GS1 UDI: the device identifier (GTIN-14) and its production identifiers. */
export interface Udi {
  gtin: string;
  lot?: string;
  serial?: string;
  /** ISO date (YYYY-MM-DD); a GS1 day of 00 means the last day of that month. */
  expiry?: string;
  productionDate?: string;
}

export interface UdiParseOptions {
  /**
   * Year the code is read in, for GS1's sliding century window (a year more than 50 ahead is in
   * the previous century, more than 49 behind in the next). Without it every YY is 20YY.
   */
  referenceYear?: number;
}

type AiField = "gtin" | "lot" | "serial" | "expiry" | "productionDate";
interface AiSpec {
  field: AiField;
  /** Fixed length, or the maximum for variable-length fields (ended by FNC1/GS or the end). */
  length: number;
  fixed: boolean;
  name: string;
}

const AIS: Record<string, AiSpec> = {
  "01": { field: "gtin", length: 14, fixed: true, name: "GTIN" },
  "10": { field: "lot", length: 20, fixed: false, name: "batch/lot" },
  "11": { field: "productionDate", length: 6, fixed: true, name: "production date" },
  "17": { field: "expiry", length: 6, fixed: true, name: "expiry date" },
  "21": { field: "serial", length: 20, fixed: false, name: "serial number" },
};

const GS = "\x1d";
/** GS1 AI encodable character set 82 (ISO/IEC 646 subset) for lot and serial. */
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/;

/** GS1 mod-10 check digit over the digits before it (weights 3,1,3,… from the right). */
export function gs1CheckDigit(digitsWithoutCheck: string): number {
  let sum = 0;
  for (let i = digitsWithoutCheck.length - 1, w = 3; i >= 0; i--, w = 4 - w) {
    sum += (digitsWithoutCheck.charCodeAt(i) - 48) * w;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when a GTIN-8/12/13/14 string has the right check digit. */
export function isValidGtin(gtin: string): boolean {
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(gtin)) return false;
  return gs1CheckDigit(gtin.slice(0, -1)) === Number(gtin.at(-1));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function centuryYear(yy: number, referenceYear: number | undefined): number {
  if (referenceYear === undefined) return 2000 + yy;
  const century = Math.floor(referenceYear / 100) * 100;
  const diff = yy - (referenceYear % 100);
  if (diff >= 51) return century - 100 + yy;
  if (diff <= -50) return century + 100 + yy;
  return century + yy;
}

function parseGs1Date(value: string, ai: string, options: UdiParseOptions): string {
  if (!/^\d{6}$/.test(value)) {
    throw new TraceError("BAD_DATE", `(${ai}) must be YYMMDD, got "${value}"`, { field: `(${ai})` });
  }
  const year = centuryYear(Number(value.slice(0, 2)), options.referenceYear);
  const month = Number(value.slice(2, 4));
  let day = Number(value.slice(4, 6));
  if (month < 1 || month > 12) {
    throw new TraceError("BAD_DATE", `(${ai}) month ${value.slice(2, 4)} does not exist`, {
      field: `(${ai})`,
    });
  }
  const last = daysInMonth(year, month);
  if (day === 0) day = last;
  if (day > last) {
    throw new TraceError("BAD_DATE", `(${ai}) ${year}-${value.slice(2, 4)} has no day ${value.slice(4, 6)}`, {
      field: `(${ai})`,
    });
  }
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function store(udi: Partial<Udi>, ai: string, value: string, options: UdiParseOptions): void {
  const spec = AIS[ai];
  if (spec === undefined)
    throw new TraceError("UNKNOWN_AI", `application identifier (${ai}) is not supported`);
  const at = { field: `(${ai})` };
  if (udi[spec.field] !== undefined) throw new TraceError("DUPLICATE_AI", `(${ai}) appears twice`, at);
  if (value.length > spec.length) {
    throw new TraceError(
      "FIELD_TOO_LONG",
      `(${ai}) ${spec.name} is ${value.length} characters, at most ${spec.length}`,
      at,
    );
  }
  if (spec.fixed && value.length !== spec.length) {
    throw new TraceError("BAD_FIELD", `(${ai}) ${spec.name} must be ${spec.length} characters`, at);
  }
  switch (spec.field) {
    case "gtin":
      if (!/^\d{14}$/.test(value)) throw new TraceError("BAD_FIELD", "(01) GTIN must be 14 digits", at);
      if (!isValidGtin(value)) {
        throw new TraceError(
          "BAD_CHECK_DIGIT",
          `(01) GTIN ${value} has check digit ${value.at(-1)}, expected ${gs1CheckDigit(value.slice(0, 13))}`,
          at,
        );
      }
      udi.gtin = value;
      return;
    case "expiry":
    case "productionDate":
      udi[spec.field] = parseGs1Date(value, ai, options);
      return;
    default:
      if (value.length === 0 || !CSET82.test(value)) {
        throw new TraceError("BAD_FIELD", `(${ai}) ${spec.name} has characters outside GS1 set 82`, at);
      }
      udi[spec.field] = value;
  }
}

function finish(udi: Partial<Udi>): Udi {
  if (udi.gtin === undefined) throw new TraceError("MISSING_GTIN", "a UDI needs (01) GTIN");
  return udi as Udi;
}

/** "(01)09506000134352(17)141120(10)AB-123" — the human-readable interpretation. */
function parseBracketed(text: string, options: UdiParseOptions): Udi {
  const udi: Partial<Udi> = {};
  const re = /\((\d{2,4})\)([^()]*)/y;
  let pos = 0;
  while (pos < text.length) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (m === null)
      throw new TraceError("BAD_FIELD", `unreadable at character ${pos + 1}`, { column: pos + 1 });
    store(udi, m[1], m[2], options);
    pos = re.lastIndex;
  }
  return finish(udi);
}

/** Raw element string: AIs run together, variable fields ended by FNC1 (GS, \x1d). */
function parseRaw(text: string, options: UdiParseOptions): Udi {
  const udi: Partial<Udi> = {};
  let pos = 0;
  while (pos < text.length) {
    if (text[pos] === GS) {
      pos++;
      continue;
    }
    const ai = text.slice(pos, pos + 2);
    const spec = AIS[ai];
    if (spec === undefined) {
      throw new TraceError(
        "UNKNOWN_AI",
        `application identifier "${ai}" at character ${pos + 1} is not supported`,
        {
          column: pos + 1,
        },
      );
    }
    pos += 2;
    let end: number;
    if (spec.fixed) end = pos + spec.length;
    else {
      const gs = text.indexOf(GS, pos);
      end = gs === -1 ? text.length : gs;
    }
    store(udi, ai, text.slice(pos, end), options);
    pos = end;
  }
  return finish(udi);
}

/**
 * Parses a GS1 UDI in bracketed form or as a raw element string (optionally with a symbology
 * identifier such as "]d2" or "]C1"); the AIs may come in any order.
 */
export function parseUdi(input: string, options: UdiParseOptions = {}): Udi {
  let text = input.trim();
  if (/^\][A-Za-z]\d/.test(text)) text = text.slice(3);
  if (text.startsWith(GS)) text = text.slice(1);
  if (text === "") throw new TraceError("EMPTY_UDI", "the UDI is empty");
  return text.startsWith("(") ? parseBracketed(text, options) : parseRaw(text, options);
}

function yymmdd(iso: string): string {
  return `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}`;
}

/** Formats a UDI as "(01)…(11)…(17)…(10)…(21)…" (or raw with GS separators). */
export function formatUdi(udi: Udi, form: "bracketed" | "raw" = "bracketed"): string {
  const parts: [string, string, boolean][] = [["01", udi.gtin, true]];
  if (udi.productionDate) parts.push(["11", yymmdd(udi.productionDate), true]);
  if (udi.expiry) parts.push(["17", yymmdd(udi.expiry), true]);
  if (udi.lot !== undefined) parts.push(["10", udi.lot, false]);
  if (udi.serial !== undefined) parts.push(["21", udi.serial, false]);
  if (form === "bracketed") return parts.map(([ai, v]) => `(${ai})${v}`).join("");
  let out = "";
  parts.forEach(([ai, v, fixed], i) => {
    out += ai + v;
    if (!fixed && i < parts.length - 1) out += GS;
  });
  return out;
}
