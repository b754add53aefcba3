import { PgPreparedQuery } from "drizzle-orm/pg-core";
import {
  BookingOverlapError,
  ConflictError,
  DatabaseUnavailableError,
  type DomainError,
  ValidationError,
} from "../errors/index.ts";

/** The fields of a PostgreSQL error both drivers report (pg's DatabaseError and PGlite's). */
interface PgErrorFields {
  code: string;
  detail?: string;
  constraint?: string;
  table?: string;
  column?: string;
}

function isPgError(value: unknown): value is PgErrorFields {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { code?: unknown }).code === "string" &&
    /^[0-9A-Z]{5}$/.test((value as { code: string }).code)
  );
}

/** The driver error inside whatever wraps it (Drizzle wraps every driver error in DrizzleQueryError). */
function findPgError(err: unknown): PgErrorFields | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (isPgError(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/**
 * Column names from a detail such as `Key (org_id, lower(product))=(…) already exists.`; never the
 * values. An expression key names the column inside it (`lower(product)` → product).
 */
function keyColumns(e: PgErrorFields): string[] {
  const m = e.detail?.match(/^Key \((.*?)\)=\(/);
  if (m)
    return m[1].split(",").map((c) =>
      camel(
        c
          .trim()
          .replace(/^\w+\((.*)\)$/, "$1")
          .replace(/^"|"$/g, ""),
      ),
    );
  return e.column ? [camel(e.column)] : [];
}

/** What a unique key means in the domain, for the 409 message; other keys get the generic one. */
const CONFLICT_MESSAGES: Record<string, string> = {
  grants_live_key: "an active grant of this data class to this organisation already exists; revoke it first",
  access_requests_pending_key:
    "a request for this data class from your organisation is already waiting for the owner's answer",
  relations_party_product_key: "this relation (supplier, customer, product) is already recorded",
  innovation_documents_version_idx:
    "another version of this document was uploaded at the same moment; upload again",
};

/** Node socket errors and driver messages that mean "no connection to the database". */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENOTFOUND",
]);
const CONNECTION_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * True when an error (or one it wraps) says the database cannot be reached: a refused or lost
 * connection, or PostgreSQL's class 08 (connection exception) and 57P (shutdown, cannot connect now).
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (typeof current !== "object") return false;
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (CONNECTION_CODES.has(code) || /^(08|57P)/.test(code))) return true;
    const message = (current as { message?: unknown }).message;
    if (typeof message === "string" && CONNECTION_MESSAGES.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * The ONE mapping from database errors that bad input or a lost race can cause to domain errors.
 * Unique violations are conflicts naming the fields (the database settles races a check-then-insert
 * cannot); other constraint and data errors are a 400 for the request. Anything else (connection
 * a bug in SQL) is not mapped and stays a logged 500; a database that cannot be reached is a 503.
 */
export function domainErrorFromDb(err: unknown): DomainError | undefined {
  if (isDatabaseUnavailable(err)) return new DatabaseUnavailableError();
  const e = findPgError(err);
  if (!e) return undefined;
  const fields = keyColumns(e);
  const path = fields.join(",") || "request";
  const where = e.table ? ` (${e.table})` : "";
  switch (e.code) {
    case "23505":
      return new ConflictError(
        `${path}: ${(e.constraint && CONFLICT_MESSAGES[e.constraint]) || `already exists${where}; another record has this value`}`,
        {
          reason: "UNIQUE_VIOLATION",
          fields,
          constraint: e.constraint ?? null,
        },
      );
    case "23P01":
      // Exclusion violation: the only exclusion constraint is hub_bookings_no_overlap (0014).
      return new BookingOverlapError(e.constraint ?? null);
    case "23503":
      // Deleting a row others still point at is a conflict; pointing at a missing row is bad input.
      if (e.detail?.includes("is still referenced"))
        return new ConflictError(`${e.table ?? "record"} is still referenced by other records`, {
          reason: "STILL_REFERENCED",
          constraint: e.constraint ?? null,
        });
      return ValidationError.field(path, "refers to a record that does not exist");
    case "23502":
      return ValidationError.field(path, "is required");
    case "23514":
      return ValidationError.field(path, `breaks the rule ${e.constraint ?? "of this table"}`);
    case "22021":
    case "22P05":
      return ValidationError.field(path, "contains characters that cannot be stored (e.g. U+0000)");
    case "22001":
      return ValidationError.field(path, "is too long");
    case "22P02":
    case "22003":
    case "22007":
    case "22008":
      return ValidationError.field(path, "is not a valid value");
    default:
      return undefined;
  }
}

/**
 * Every query Drizzle runs, on both drivers and inside transactions, passes through
 * `PgPreparedQuery.queryWithCache`, which wraps driver errors in DrizzleQueryError. Translating
 * there makes the mapping hold for every repository without a try/catch in each one; unmapped
 * errors pass through untouched.
 */
type QueryWithCache = (this: unknown, ...args: unknown[]) => Promise<unknown>;
const proto = PgPreparedQuery.prototype as unknown as {
  queryWithCache: QueryWithCache & { domainErrors?: true };
};
if (!proto.queryWithCache.domainErrors) {
  const original = proto.queryWithCache;
  const mapped: QueryWithCache & { domainErrors?: true } = async function (this: unknown, ...args) {
    try {
      return await original.apply(this, args);
    } catch (err) {
      throw domainErrorFromDb(err) ?? err;
    }
  };
  mapped.domainErrors = true;
  proto.queryWithCache = mapped;
}
