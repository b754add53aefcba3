import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, login, type Session, testApp } from "../test/fixtures.ts";
import { describeEachDatabase } from "../test/test-database.ts";
import { loadDemoCluster } from "./demo.loader.ts";
import { DEMO_RESOURCE_IDS } from "./demo.resources.ts";

describeEachDatabase("demo shared resources", (getDb) => {
  let app: FastifyInstance;
  let owner: Session;
  let partner: Session;
  beforeAll(async () => {
    await loadDemoCluster(getDb().db);
    app = await testApp(getDb().db);
    owner = await login(app, "owner@demo.cluster", "Demo-owner-2025");
    partner = await login(app, "partner@demo.cluster", "Demo-partner-2025");
  });
  afterAll(() => app.close());

  it("lists the EMC chamber, SEM, reliability lab, SMT line and an expert, each with its owner", async () => {
    const list = (await call(app, owner, "GET", "/api/v1/resources?pageSize=50")).json();
    expect(list.items.map((r: { id: string }) => r.id).sort()).toEqual(
      Object.values(DEMO_RESOURCE_IDS).sort(),
    );
    const sem = (await call(app, owner, "GET", `/api/v1/resources/${DEMO_RESOURCE_IDS.sem}`)).json();
    expect(sem).toMatchObject({ ownerOrgId: "org-uni-zjxu", rating: 5, ratingCount: 1 });
    const experts = (await call(app, owner, "GET", "/api/v1/resources?kind=expert")).json();
    expect(experts.items).toHaveLength(1);
  });

  it("knowledge: cluster standards for everyone, the reflow lesson for the group, the EMC fix for one firm", async () => {
    const titles = async (s: Session, q: string) =>
      (await call(app, s, "GET", `/api/v1/knowledge?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((a: { id: string }) => a.id)
        .sort();
    expect(await titles(owner, "YY/T 0316")).toEqual(["kb-demo-medical-standards"]);
    expect(await titles(owner, "磁芯")).toContain("kb-demo-core-guide");
    expect(await titles(partner, "reflow")).toEqual(["kb-demo-reflow-lesson"]);
    // 华磁 is not the one firm 禾联 shared its EMC fix with.
    expect(await titles(owner, "共模电感")).toEqual([]);
    expect(await titles(partner, "共模电感")).toEqual(["kb-demo-emc-fix"]);
  });

  it("events and notices: 禾联 checks attendees in today; 华磁 and 禾联 see different eligible notices, with reasons", async () => {
    const events = (await call(app, partner, "GET", "/api/v1/events")).json().items;
    expect(events.map((e: { kind: string }) => e.kind).sort()).toEqual([
      "conference",
      "fair",
      "matchmaking",
      "matchmaking",
    ]);
    const regs = (
      await call(app, partner, "GET", "/api/v1/events/event-demo-helian-supplier-day/registrations")
    ).json();
    expect(regs.items.filter((r: { checkedInAt: string | null }) => r.checkedInAt === null)).toHaveLength(1);
    const ids = async (s: Session) =>
      (await call(app, s, "GET", "/api/v1/policies"))
        .json()
        .items.map((p: { id: string }) => p.id)
        .sort();
    expect(await ids(owner)).toEqual(["policy-demo-instrument-voucher", "policy-demo-rd-subsidy"]);
    expect(await ids(partner)).toEqual(["policy-demo-instrument-voucher", "policy-demo-smart-factory"]);
    const all = (await call(app, partner, "GET", "/api/v1/policies?show=all")).json().items;
    const rd = all.find((p: { id: string }) => p.id === "policy-demo-rd-subsidy");
    expect(rd.reasons.find((r: { criterion: string }) => r.criterion === "size")).toMatchObject({
      actual: "large",
      met: false,
    });
  });

  it("the partner firm's owner has requests to answer; 华磁 sees its own bookings and can rate nothing twice", async () => {
    const incoming = (await call(app, partner, "GET", "/api/v1/bookings")).json().incoming;
    expect(incoming.filter((b: { status: string }) => b.status === "pending").length).toBe(2);
    const outgoing = (await call(app, owner, "GET", "/api/v1/bookings")).json().outgoing;
    expect(outgoing.map((b: { status: string }) => b.status).sort()).toEqual([
      "approved",
      "completed",
      "pending",
    ]);
    expect(
      (await call(app, owner, "POST", "/api/v1/bookings/booking-demo-sem-done/rating", { rating: 1 }))
        .statusCode,
    ).toBe(409);
  });
});
