import { FIRM_A_KEY } from "@clusterbrain/demo";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, login, type Session, testApp } from "../test/fixtures.ts";
import { describeEachDatabase } from "../test/test-database.ts";
import { loadDemoCluster } from "./demo.loader.ts";

describeEachDatabase("demo materials", (getDb) => {
  let app: FastifyInstance;
  let huaci: Session;
  let shiyuan: Session;
  beforeAll(async () => {
    await loadDemoCluster(getDb().db);
    app = await testApp(getDb().db);
    huaci = await login(app, "owner@demo.cluster", "Demo-owner-2025");
    shiyuan = await login(app, "supplier@demo.cluster", "Demo-supplier-2025");
  });
  afterAll(() => app.close());

  it("pooled demand and rounds: copper wire (3 firms) shown, PCBs and connectors (2 firms) withheld", async () => {
    const demand = (await call(app, huaci, "GET", "/api/v1/materials/pooled-demand")).json().items;
    const cell = (category: string) => demand.find((c: { category: string }) => c.category === category);
    expect(cell("copper-wire").quantity).toEqual({ value: 1350, firms: 3, suppressed: false });
    expect(cell("pcb").quantity).toEqual({ value: null, firms: null, suppressed: true });
    const rounds = (await call(app, huaci, "GET", "/api/v1/materials/rounds")).json().items;
    const round = (id: string) => rounds.find((r: { id: string }) => r.id === id);
    expect(round("pool-demo-copper-wire")).toMatchObject({ participants: { value: 3 }, myQuantity: 800 });
    expect(round("pool-demo-connectors")).toMatchObject({
      participants: { suppressed: true },
      myQuantity: null,
    });
  });

  it("世源 sees 华磁's stock through its grant; 华磁's draft stays private", async () => {
    const stock = await call(app, shiyuan, "GET", `/api/v1/materials/stock/${FIRM_A_KEY}`);
    expect(stock.statusCode).toBe(200);
    expect(stock.json().access).toBe("grant");
    expect(stock.json().items.length).toBeGreaterThan(0);
    const open = (await call(app, shiyuan, "GET", "/api/v1/materials/listings")).json().items;
    expect(open.some((l: { id: string }) => l.id === "mat-demo-huaci-draft")).toBe(false);
  });
});
