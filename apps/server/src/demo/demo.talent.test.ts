import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, login, type Session, testApp } from "../test/fixtures.ts";
import { describeEachDatabase } from "../test/test-database.ts";
import { loadDemoCluster } from "./demo.loader.ts";

describeEachDatabase("demo talent sharing", (getDb) => {
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

  const names = async (s: Session) =>
    (await call(app, s, "GET", "/api/v1/talent/people")).json().items.map((p: { name: string }) => p.name);

  it("华磁's non-consenting 孙立明 is in 华磁's pool only; the partner firm sees the consenting ones", async () => {
    expect(await names(owner)).toContain("孙立明");
    expect(await names(partner)).not.toContain("孙立明");
    expect(await names(partner)).toContain("王建国");
  });

  it("华磁's owner finds 世源's secondment request for 王建国 pending and approves it", async () => {
    const incoming = (await call(app, owner, "GET", "/api/v1/talent/secondments")).json().incoming;
    const pending = incoming.find((s: { personName: string }) => s.personName === "王建国");
    expect(pending.status).toBe("pending");
    const approved = await call(app, owner, "POST", `/api/v1/talent/secondments/${pending.id}/approve`, {});
    expect(approved.json().status).toBe("approved");
  });

  it("the SMT competition is ranked by score with the unscored entry last", async () => {
    const smt = (await call(app, partner, "GET", "/api/v1/talent/competitions")).json().items[0];
    expect(
      smt.entries.map((e: { personName: string; rank: number | null }) => [e.personName, e.rank]),
    ).toEqual([
      ["周敏", 1],
      ["王建国", 2],
      ["陈浩", 3],
      ["吴强", null],
    ]);
  });
  it("the demo has studios with training records (孙立明 hidden from the partner) and channels to share", async () => {
    const studios = (await call(app, partner, "GET", "/api/v1/talent/studios")).json().items;
    const wang = studios.find((x: { name: string }) => x.name.includes("王建国"));
    expect(wang).toMatchObject({ trainings: 3, apprentices: 1 });
    const detail = (await call(app, owner, "GET", `/api/v1/talent/studios/${wang.id}`)).json();
    expect(detail.apprenticeList.map((p: { name: string }) => p.name).sort()).toEqual(
      ["孙立明", "陈浩"].sort(),
    );
    const channels = (await call(app, partner, "GET", "/api/v1/marketing/channels")).json();
    expect(channels.items.some((c: { source: string }) => c.source === "offer")).toBe(true);
    expect(channels.items.some((c: { source: string }) => c.source === "event")).toBe(true);
    expect(channels.outgoing.map((x: { status: string }) => x.status)).toEqual(["pending"]);
  });
});
