import { readFileSync } from "node:fs";
import { parseCsv } from "@clusterbrain/engine/analytics";
import { applyCapacityChanges } from "@clusterbrain/engine/capacity";
import { rankOffers } from "@clusterbrain/engine/exchange";
import { parseSeriesCsv } from "@clusterbrain/engine/forecast";
import { continuousReview } from "@clusterbrain/engine/inventory";
import * as matchDomain from "@clusterbrain/engine/match";
import { parseSeriesRow } from "@clusterbrain/engine/monitor";
import { runMrp } from "@clusterbrain/engine/mrp";
import { parseJobShop } from "@clusterbrain/engine/schedule";
import { EngineError, readCsv } from "@clusterbrain/engine/shared";
import { parseUdi } from "@clusterbrain/engine/trace";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { errorHandler } from "./error-handler.ts";

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error("the engine accepted input it should refuse");
}

/** One real failure from every engine domain (and the shared CSV reader), as the engine raises it. */
const failures: Array<[domain: string, status: number, make: () => unknown]> = [
  ["forecast", 400, () => thrown(() => parseSeriesCsv(""))],
  ["mrp", 422, () => thrown(() => runMrp({ items: [], bom: [], demand: [] }))],
  ["schedule", 400, () => thrown(() => parseJobShop("two jobs\n"))],
  ["monitor", 422, () => thrown(() => parseSeriesRow("yesterday,1", 3))],
  [
    "capacity",
    422,
    () =>
      thrown(() =>
        applyCapacityChanges({ periods: 1, resources: [], orders: [] }, [{ resource: "R9", from: 0, to: 0 }]),
      ),
  ],
  ["analytics", 400, () => thrown(() => parseCsv("a,b\n1\n"))],
  [
    "inventory",
    422,
    () =>
      thrown(() =>
        continuousReview({
          demand: { meanPerPeriod: 10, errorSdPerPeriod: 2, periodsPerYear: 52 },
          leadTime: { mean: 2 },
          cost: { orderingCost: 50, holdingCostPerUnitYear: 1 },
          target: { kind: "cycle", alpha: 1.5 },
        }),
      ),
  ],
  ["csv", 400, () => thrown(() => readCsv('a,"open\n'))],
  ["trace", 422, () => thrown(() => parseUdi("(01)09506000134353"))],
  [
    "exchange",
    422,
    () =>
      thrown(() =>
        rankOffers(
          { process: "smt", hours: 1, fromDay: 2, toDay: 1, certifications: [], district: "", today: 0 },
          [],
        ),
      ),
  ],
];

/**
 * Domains that refuse nothing: matching ranks any text (empty text simply matches nothing), so it
 * has no error type to map. A domain listed here must not export one (checked below).
 */
const NO_ERRORS = ["match"];

describe("engine errors through the server's error handler", () => {
  const app = Fastify({ logger: false });
  app.setErrorHandler(errorHandler);
  app.get<{ Params: { i: string } }>("/fail/:i", async (request) => {
    throw failures[Number(request.params.i)][2]();
  });

  it.each(failures.map(([domain, status], i) => [domain, status, i] as const))(
    "a %s error is a %i with its code and position, never a 500",
    async (domain, status, i) => {
      const err = failures[i][2]();
      expect(err).toBeInstanceOf(EngineError);
      expect((err as EngineError).domain).toBe(domain);
      const res = await app.inject({ method: "GET", url: `/fail/${i}` });
      expect(res.statusCode).toBe(status);
      const body = res.json();
      expect(body.error.code).toBe(status === 400 ? "BAD_REQUEST" : "VALIDATION_FAILED");
      expect(body.error.message).toBe((err as EngineError).message);
      expect(body.error.details[0]).toMatchObject({ domain, code: (err as EngineError).code });
    },
  );

  it("covers every domain the engine package exports (a new domain must join this list)", () => {
    const manifest = JSON.parse(
      readFileSync(new URL("../../../../packages/engine/package.json", import.meta.url), "utf8"),
    );
    const domains = Object.keys(manifest.exports as Record<string, string>)
      .map((k) => k.replace("./", ""))
      .filter((k) => k !== "shared");
    expect(failures.map(([d]) => d).sort()).toEqual(
      [...domains.filter((d) => !NO_ERRORS.includes(d)), "csv"].sort(),
    );
  });

  it("a domain said to refuse nothing exports no engine error type", () => {
    expect(NO_ERRORS).toEqual(["match"]);
    const errorTypes = Object.values(matchDomain).filter(
      (v) => typeof v === "function" && v.prototype instanceof EngineError,
    );
    expect(errorTypes).toEqual([]);
  });
});
