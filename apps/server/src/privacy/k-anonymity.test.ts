import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, EMAILS, login, seedCluster, testApp } from "../test/fixtures.ts";
import { describeEachDatabase } from "../test/test-database.ts";
import { K_MIN, suppressBelowK, suppressedSum } from "./k-anonymity.ts";

describe("k-anonymity helper", () => {
  it("withholds value and count below k = 3 distinct firms, shows them from 3", () => {
    expect(K_MIN).toBe(3);
    expect(suppressBelowK(10, 2)).toEqual({ value: null, firms: null, suppressed: true });
    expect(suppressBelowK(10, 3)).toEqual({ value: 10, firms: 3, suppressed: false });
  });
  it("counts distinct firms, not rows", () => {
    const rows = [
      { f: "a", v: 1 },
      { f: "a", v: 2 },
      { f: "b", v: 3 },
    ];
    expect(
      suppressedSum(
        rows,
        (r) => r.f,
        (r) => r.v,
      ).suppressed,
    ).toBe(true);
    expect(
      suppressedSum(
        [...rows, { f: "c", v: 4 }],
        (r) => r.f,
        (r) => r.v,
      ),
    ).toEqual({ value: 10, firms: 3, suppressed: false });
  });
});

describeEachDatabase("k≥3 suppression in the dashboard and the chain map", (getDb) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db);
  });
  afterAll(() => app.close());

  it("cluster indicators: a year with 3 firms is summed, a year with 2 is suppressed", async () => {
    const s = await login(app, EMAILS.aViewer);
    const body = (await call(app, s, "GET", "/api/v1/stats/indicators")).json();
    const y2023 = body.years.find((y: { year: number }) => y.year === 2023);
    const y2024 = body.years.find((y: { year: number }) => y.year === 2024);
    expect(y2023.revenue).toEqual({ value: 1000 + 987654.321 + 3000, firms: 3, suppressed: false });
    expect(y2024.revenue).toEqual({ value: null, firms: null, suppressed: true });
    expect(y2024.employees.suppressed).toBe(true);
  });

  it("chain-map flows over fewer than 3 suppliers are suppressed; weak links are flagged", async () => {
    const s = await login(app, EMAILS.aViewer);
    const map = (await call(app, s, "GET", "/api/v1/chain/map")).json();
    const flow = map.edges.find(
      (e: { fromNodeId: string; toNodeId: string }) =>
        e.fromNodeId === "n-inductor" && e.toNodeId === "n-monitor",
    );
    // Two relations (A→C, B→C) from two suppliers to one customer: below k.
    expect(flow.relations).toEqual({ value: null, firms: null, suppressed: true });
    const weak = Object.fromEntries(
      map.nodes.map((n: { id: string; weakLink: boolean }) => [n.id, n.weakLink]),
    );
    // n-ferrite feeds n-inductor with one firm on it: weak. n-monitor ends the chain: its
    // buyers are the market, not a supply link, so it is never flagged.
    expect(weak).toEqual({ "n-ferrite": true, "n-inductor": false, "n-monitor": false });
    expect(map.nodes.find((n: { id: string }) => n.id === "n-inductor").firmCount).toBe(2);
  });
});
