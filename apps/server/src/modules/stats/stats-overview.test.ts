import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { indicators, orgChainNodes } from "../../db/schema/index.ts";
import {
  B_SECRETS,
  call,
  EMAILS,
  IDS,
  login,
  type Session,
  seedCluster,
  testApp,
} from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";

interface Overview {
  firms: number;
  years: number[];
  indicators: { year: number; firms: number; revenue: { value: number | null; suppressed: boolean } }[];
  perNode: { nodeId: string; firms: number; weakLink: boolean }[];
  perDistrict: { district: string; firms: number }[];
  topFirms: { id: string }[];
  asOf: string | null;
}

describeEachDatabase("dashboard figures: filters, drill-down to the directory, k ≥ 3 medians", (getDb) => {
  let app: FastifyInstance;
  let op: Session;
  let a: Session;
  let b: Session;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db);
    [op, a, b] = await Promise.all([
      login(app, EMAILS.opAdmin),
      login(app, EMAILS.aOwner),
      login(app, EMAILS.bOwner),
    ]);
  });
  afterAll(() => app.close());

  const overview = async (query = ""): Promise<Overview> => {
    const res = await call(app, op, "GET", `/api/v1/stats/overview${query}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  /** What the directory shows for the query params a drill-down puts in its URL. */
  const directoryTotal = async (params: Record<string, string>) => {
    const qs = new URLSearchParams({ ...params, kind: "enterprise", pageSize: "1" });
    const res = await call(app, op, "GET", `/api/v1/orgs?${qs}`);
    expect(res.statusCode).toBe(200);
    return res.json().total as number;
  };

  it("every chain-node bar and district slice counts exactly the firms its drill-down opens", async () => {
    for (const district of [undefined, "南湖区"]) {
      const view = await overview(district ? `?district=${encodeURIComponent(district)}` : "");
      expect(view.perNode.length).toBe(3);
      for (const node of view.perNode) {
        const params: Record<string, string> = { chainNode: node.nodeId };
        if (district) params.district = district;
        expect(await directoryTotal(params), `${district ?? "all"} / ${node.nodeId}`).toBe(node.firms);
      }
      expect(view.firms).toBe(await directoryTotal(district ? { district } : {}));
    }
    const onInductor = await overview("?chainNode=n-inductor");
    for (const slice of onInductor.perDistrict) {
      expect(await directoryTotal({ chainNode: "n-inductor", district: slice.district })).toBe(slice.firms);
    }
    expect(onInductor.topFirms.map((f) => f.id).sort()).toEqual([IDS.a, IDS.b]);
  });

  it("private sums are shown for 3+ firms and withheld for fewer, whatever the filter", async () => {
    const all = await overview();
    expect(all.years).toEqual([2023, 2024]);
    const y2023 = all.indicators.find((y) => y.year === 2023)!;
    expect(y2023.revenue).toMatchObject({ suppressed: false, value: 1000 + B_SECRETS.revenue + 3000 });
    expect(all.indicators.find((y) => y.year === 2024)!.revenue).toMatchObject({
      suppressed: true,
      value: null,
    });
    // Narrowed to the inductor node only A and B remain: B's revenue must not show through.
    const narrowed = await overview("?chainNode=n-inductor");
    expect(narrowed.indicators.every((y) => y.revenue.suppressed && y.revenue.value === null)).toBe(true);
    expect(JSON.stringify(narrowed)).not.toContain(String(B_SECRETS.revenue));
    expect(all.asOf).not.toBeNull();
    expect((await call(app, op, "GET", "/api/v1/stats/overview?year=abc")).statusCode).toBe(400);
  });

  it("a firm's peer and cluster medians appear only once 3 other firms report; others' benchmarks are 404", async () => {
    const first = (await call(app, a, "GET", `/api/v1/orgs/${IDS.a}/benchmarks`)).json();
    const y2023 = first.years.find((y: { year: number }) => y.year === 2023);
    expect(y2023.own.revenue).toBe(1000);
    // Cluster without A: B and C (2 firms); peers on A's node: B alone. Both withheld.
    expect(y2023.cluster.revenue).toEqual({ value: null, firms: null, suppressed: true });
    expect(y2023.peers.revenue).toEqual({ value: null, firms: null, suppressed: true });
    expect(JSON.stringify(first)).not.toContain(String(B_SECRETS.revenue));

    // D reports for 2023 and C and D join A's node: now 3 peers and 3 other firms.
    const db = getDb().db;
    await db.insert(orgChainNodes).values([
      { orgId: IDS.c, nodeId: "n-inductor" },
      { orgId: IDS.d, nodeId: "n-inductor" },
    ]);
    await db.insert(indicators).values({
      orgId: IDS.d,
      year: 2023,
      revenue: 500,
      rdSpend: 1,
      employees: 10,
      patents: 0,
      energyUse: 5,
      exports: 0,
      fixedAssets: 1,
      profit: 1,
    });
    const after = (await call(app, a, "GET", `/api/v1/orgs/${IDS.a}/benchmarks`)).json();
    expect(after.peerCount).toBe(3);
    const y = after.years.find((x: { year: number }) => x.year === 2023);
    const median = [500, 3000, B_SECRETS.revenue].sort((p, q) => p - q)[1];
    expect(y.cluster.revenue).toEqual({ value: median, firms: 3, suppressed: false });
    expect(y.peers.revenue).toEqual({ value: median, firms: 3, suppressed: false });
    // 2024: only B reports besides A.
    expect(after.years.find((x: { year: number }) => x.year === 2024).peers.revenue.suppressed).toBe(true);

    expect((await call(app, b, "GET", `/api/v1/orgs/${IDS.a}/benchmarks`)).statusCode).toBe(404);
  });
});
