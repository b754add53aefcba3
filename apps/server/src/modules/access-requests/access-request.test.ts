import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { remindExpiringGrants } from "../grants/grant-expiry.reminder.ts";

const FAR = "2099-01-01T00:00:00Z";

describeEachDatabase("access requests: ask, approve or decline, one pending at a time", (getDb) => {
  let app: FastifyInstance;
  let a: Session;
  let aMember: Session;
  let b: Session;
  let c: Session;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db);
    [a, aMember, b, c] = await Promise.all([
      login(app, EMAILS.aOwner),
      login(app, EMAILS.aMember),
      login(app, EMAILS.bOwner),
      login(app, EMAILS.cOwner),
    ]);
  });
  afterAll(() => app.close());

  const ask = (s: Session, ownerOrgId: string, dataClass: string, purpose = "supply planning") =>
    call(app, s, "POST", "/api/v1/access-requests", { ownerOrgId, dataClass, purpose });
  const notificationKinds = async (s: Session) =>
    (await call(app, s, "GET", "/api/v1/notifications")).json().items.map((n: { kind: string }) => n.kind);

  it("A asks B → B approves → A reads B's indicators → B revokes with a reason, stored and shown", async () => {
    expect((await call(app, a, "GET", `/api/v1/orgs/${IDS.b}/indicators`)).statusCode).toBe(404);
    const asked = await ask(aMember, IDS.b, "indicators");
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toMatchObject({ status: "pending", ownerOrgId: IDS.b, requesterOrgId: IDS.a });
    const incoming = (await call(app, b, "GET", "/api/v1/access-requests")).json().incoming;
    expect(incoming.map((r: { id: string }) => r.id)).toContain(asked.json().id);
    expect(await notificationKinds(b)).toContain("accessRequest.created");

    // The requester cannot settle its own request: it is not the owner's (404, not 403).
    expect(
      (await call(app, a, "POST", `/api/v1/access-requests/${asked.json().id}/approve`, { expiresAt: FAR }))
        .statusCode,
    ).toBe(404);
    const approved = await call(app, b, "POST", `/api/v1/access-requests/${asked.json().id}/approve`, {
      expiresAt: FAR,
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe("approved");
    const grantId = approved.json().grantId as string;
    expect(grantId).toBeTruthy();
    const read = await call(app, a, "GET", `/api/v1/orgs/${IDS.b}/indicators`);
    expect(read.statusCode).toBe(200);
    expect(read.json().access).toBe("grant");
    expect(await notificationKinds(a)).toContain("accessRequest.approved");

    const revoked = await call(app, b, "POST", `/api/v1/grants/${grantId}/revoke`, {
      reason: "project finished",
    });
    expect(revoked.json()).toMatchObject({ status: "revoked", revokeReason: "project finished" });
    expect((await call(app, a, "GET", `/api/v1/orgs/${IDS.b}/indicators`)).statusCode).toBe(404);
    const received = (await call(app, a, "GET", "/api/v1/grants")).json().received;
    expect(received.find((g: { id: string }) => g.id === grantId).revokeReason).toBe("project finished");
    expect(await notificationKinds(a)).toContain("grant.revoked");
    const log = (await call(app, b, "GET", "/api/v1/audit?action=grant.revoke")).json().items;
    expect(
      log.some((e: { after: { revokeReason?: string } }) => e.after.revokeReason === "project finished"),
    ).toBe(true);
    const approvals = (await call(app, b, "GET", "/api/v1/audit?action=accessRequest.approve")).json().items;
    expect(approvals.map((e: { entityId: string }) => e.entityId)).toContain(asked.json().id);
  });

  it("a second pending request for the same class is a 409; after a decline the firm may ask again", async () => {
    const first = await ask(a, IDS.c, "relations");
    expect(first.statusCode).toBe(200);
    const again = await ask(a, IDS.c, "relations", "asking twice");
    expect(again.statusCode).toBe(409);
    // Another class is another request.
    expect((await ask(a, IDS.c, "equipment")).statusCode).toBe(200);
    const declined = await call(app, c, "POST", `/api/v1/access-requests/${first.json().id}/decline`, {
      note: "not now",
    });
    expect(declined.json()).toMatchObject({ status: "declined", decisionNote: "not now", grantId: null });
    const outgoing = (await call(app, a, "GET", "/api/v1/access-requests")).json().outgoing;
    expect(outgoing.find((r: { id: string }) => r.id === first.json().id).decisionNote).toBe("not now");
    expect(await notificationKinds(a)).toContain("accessRequest.declined");
    // Answered once: answering again is a conflict and makes no grant.
    const late = await call(app, c, "POST", `/api/v1/access-requests/${first.json().id}/approve`, {
      expiresAt: FAR,
    });
    expect(late.statusCode).toBe(409);
    expect((await call(app, a, "GET", `/api/v1/orgs/${IDS.c}/relations`)).statusCode).toBe(404);
    expect((await ask(a, IDS.c, "relations", "second try")).statusCode).toBe(200);
  });

  it("racing requests leave exactly one pending; racing decisions settle it exactly once", async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => ask(b, IDS.a, "contacts", `race ${i}`)),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409, 409, 409, 409]);
    const id = results.find((r) => r.statusCode === 200)!.json().id as string;
    const decisions = await Promise.all([
      call(app, a, "POST", `/api/v1/access-requests/${id}/approve`, { expiresAt: FAR }),
      call(app, a, "POST", `/api/v1/access-requests/${id}/decline`, {}),
      call(app, a, "POST", `/api/v1/access-requests/${id}/approve`, { expiresAt: FAR }),
    ]);
    expect(decisions.map((d) => d.statusCode).sort()).toEqual([200, 409, 409]);
    const winner = decisions.find((d) => d.statusCode === 200)!.json();
    const given = (await call(app, a, "GET", "/api/v1/grants")).json().given;
    const contactGrants = given.filter(
      (g: { granteeOrgId: string; dataClass: string; status: string }) =>
        g.granteeOrgId === IDS.b && g.dataClass === "contacts" && g.status === "active",
    );
    expect(contactGrants.length).toBe(winner.status === "approved" ? 1 : 0);
    expect(decisions.every((d) => d.statusCode < 500)).toBe(true);
  });

  it("a member of the owner cannot decide; own org and unknown orgs are refused by field", async () => {
    const asked = await ask(b, IDS.a, "relations");
    expect(asked.statusCode).toBe(200);
    const byMember = await call(
      app,
      aMember,
      "POST",
      `/api/v1/access-requests/${asked.json().id}/decline`,
      {},
    );
    expect(byMember.statusCode).toBe(403);
    expect((await ask(a, IDS.a, "relations")).statusCode).toBe(400);
    expect((await ask(a, "org-nope", "relations")).statusCode).toBe(400);
    // C already holds B's indicators (seeded grant): asking again is a conflict, not a second request.
    expect((await ask(c, IDS.b, "indicators")).statusCode).toBe(409);
  });

  it("expiry reminders reach both sides once per grant, however often they run", async () => {
    const db = getDb().db;
    const soon = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const g = await call(app, c, "POST", "/api/v1/grants", {
      granteeOrgId: IDS.a,
      dataClass: "indicators",
      purpose: "short look",
      expiresAt: soon,
    });
    expect(g.statusCode).toBe(200);
    const first = await remindExpiringGrants(db, new Date());
    expect(first).toBeGreaterThanOrEqual(2);
    expect(await remindExpiringGrants(db, new Date())).toBe(0);
    const aNotes = (await call(app, a, "GET", "/api/v1/notifications")).json().items;
    const cNotes = (await call(app, c, "GET", "/api/v1/notifications")).json().items;
    const about = (n: { kind: string; params: { expiresAt?: string } }) =>
      n.kind === "grant.expiring" && n.params.expiresAt === soon;
    expect(aNotes.filter(about).length).toBe(1);
    expect(cNotes.filter(about).length).toBe(1);
    // Mark read: the unread count drops to zero and another org's notification id is a 404.
    const all = await call(app, a, "POST", "/api/v1/notifications/read-all");
    expect(all.json().unread).toBe(0);
    expect((await call(app, b, "POST", `/api/v1/notifications/${aNotes[0].id}/read`)).statusCode).toBe(404);
  });
});
