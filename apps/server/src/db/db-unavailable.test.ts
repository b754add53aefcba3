import { expect, it } from "vitest";
import { DatabaseUnavailableError } from "../errors/index.ts";
import { domainErrorFromDb, isDatabaseUnavailable } from "./db-errors.ts";

const wrapped = (cause: unknown) => Object.assign(new Error("Failed query: select 1"), { cause });

it("a refused or lost connection and PostgreSQL's 08/57P classes are 'database unavailable', wrapped or not", () => {
  expect(
    isDatabaseUnavailable(
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
    ),
  ).toBe(true);
  expect(isDatabaseUnavailable(wrapped(new Error("Connection terminated unexpectedly")))).toBe(true);
  expect(
    isDatabaseUnavailable(wrapped(Object.assign(new Error("terminating connection"), { code: "57P01" }))),
  ).toBe(true);
  expect(
    isDatabaseUnavailable(
      wrapped(Object.assign(new Error("the database system is starting up"), { code: "57P03" })),
    ),
  ).toBe(true);
  expect(isDatabaseUnavailable(Object.assign(new Error("connection failure"), { code: "08006" }))).toBe(true);
  expect(domainErrorFromDb(wrapped(Object.assign(new Error("x"), { code: "ECONNRESET" })))).toBeInstanceOf(
    DatabaseUnavailableError,
  );
});

it("other errors are not: a unique violation, a syntax error, a plain bug", () => {
  expect(isDatabaseUnavailable(wrapped(Object.assign(new Error("duplicate key"), { code: "23505" })))).toBe(
    false,
  );
  expect(isDatabaseUnavailable(Object.assign(new Error("syntax error"), { code: "42601" }))).toBe(false);
  expect(isDatabaseUnavailable(new TypeError("cannot read properties of undefined"))).toBe(false);
  expect(isDatabaseUnavailable(undefined)).toBe(false);
  expect(
    domainErrorFromDb(wrapped(Object.assign(new Error("duplicate key"), { code: "23505" }))),
  ).not.toBeInstanceOf(DatabaseUnavailableError);
});
