import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { invitations } from "../../db/schema/index.ts";
import {
  call,
  EMAILS,
  IDS,
  login,
  PASSWORD,
  type Session,
  seedCluster,
  testApp,
} from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";

const NEW_PW = "a long new passphrase";

interface Created {
  id: string;
  orgId: string;
  token: string;
  path: string;
  status: string;
  expiresAt: string;
}

function sessionFrom(res: { headers: Record<string, unknown>; json: () => unknown }): Session {
  const raw = res.headers["set-cookie"];
  const header = Array.isArray(raw) ? String(raw[0]) : String(raw);
  const body = res.json() as { csrfToken: string; org: { id: string } };
  return { cookie: header.split(";")[0], csrf: body.csrfToken, orgId: body.org.id };
}

describeEachDatabase("invitations by link", (getDb) => {
  let app: FastifyInstance;
  let clock = new Date("2026-05-01T08:00:00Z");
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db, { now: () => clock, security: { ipMaxAttempts: 10_000 } });
  });
  afterAll(() => app.close());

  const invite = async (s: Session, body: object): Promise<Created> => {
    const res = await call(app, s, "POST", "/api/v1/invitations", body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const preview = (token: string) =>
    app.inject({ method: "GET", url: `/api/v1/invitations/by-token/${token}` });
  const acceptAnon = (token: string, payload: object) =>
    app.inject({ method: "POST", url: `/api/v1/invitations/by-token/${token}/accept`, payload });
  const reason = (res: { json: () => { error: { details?: { reason?: string } } } }) =>
    res.json().error.details?.reason;

  it("happy path: owner invites, the link shows org and role, a new user registers and lands in the org", async () => {
    const owner = await login(app, EMAILS.aOwner);
    const created = await invite(owner, { email: "Newcomer@X.test", role: "member" });
    expect(created).toMatchObject({
      email: "newcomer@x.test",
      role: "member",
      status: "pending",
      orgId: IDS.a,
    });
    expect(created.path).toBe(`/invite/${created.token}`);
    // Default expiry: 7 days.
    expect(new Date(created.expiresAt).getTime() - clock.getTime()).toBe(7 * 24 * 3_600_000);
    // Only the token's hash is stored.
    const stored = await getDb().db.select().from(invitations);
    expect(stored.some((r) => r.tokenHash.includes(created.token) || r.tokenHash === created.token)).toBe(
      false,
    );
    expect(JSON.stringify(stored)).not.toContain(created.token);

    const shown = await preview(created.token);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual({
      orgNameZh: "嘉兴甲磁电感有限公司",
      orgNameEn: "Jiaxing Alpha Inductor Co., Ltd.",
      email: "newcomer@x.test",
      role: "member",
      expiresAt: created.expiresAt,
      accountExists: false,
    });

    const noName = await acceptAnon(created.token, { password: NEW_PW });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.details).toEqual([
      { path: "displayName", message: "is required to create your account" },
    ]);
    const shortPw = await acceptAnon(created.token, { displayName: "新人", password: "short" });
    expect(shortPw.statusCode).toBe(400);

    const accepted = await acceptAnon(created.token, { displayName: "新人", password: NEW_PW });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      user: { email: "newcomer@x.test", displayName: "新人" },
      org: { id: IDS.a },
      role: "member",
    });
    const s = sessionFrom(accepted);
    expect((await call(app, s, "GET", "/api/v1/auth/me")).json()).toMatchObject({
      org: { id: IDS.a },
      role: "member",
    });
    // The account works for ordinary sign-in too.
    expect((await login(app, "newcomer@x.test", NEW_PW)).orgId).toBe(IDS.a);

    const list = (await call(app, owner, "GET", "/api/v1/invitations")).json();
    expect(list.items.find((i: Created) => i.id === created.id)).toMatchObject({ status: "accepted" });
    expect(JSON.stringify(list)).not.toContain(created.token);

    const audit = (await call(app, owner, "GET", "/api/v1/audit?pageSize=50")).json().items as {
      action: string;
      entityId: string;
      actorEmail: string | null;
      after: unknown;
    }[];
    expect(audit.find((e) => e.action === "invitation.create" && e.entityId === created.id)).toMatchObject({
      actorEmail: EMAILS.aOwner,
    });
    expect(audit.find((e) => e.action === "invitation.accept" && e.entityId === created.id)).toMatchObject({
      actorEmail: "newcomer@x.test",
    });
    expect(
      audit.find(
        (e) =>
          e.action === "membership.create" &&
          e.after !== null &&
          JSON.stringify(e.after).includes(created.id),
      ),
    ).toMatchObject({ actorEmail: "newcomer@x.test", after: { role: "member", newUser: true } });
    expect(JSON.stringify(audit)).not.toContain(NEW_PW);
    expect(JSON.stringify(audit)).not.toContain(created.token);
  });

  it("a used link cannot be used again (409 INVITATION_USED)", async () => {
    const owner = await login(app, EMAILS.aOwner);
    const created = await invite(owner, { email: "once@x.test", role: "viewer" });
    expect((await acceptAnon(created.token, { displayName: "Once", password: NEW_PW })).statusCode).toBe(200);
    const again = await acceptAnon(created.token, { displayName: "Twice", password: NEW_PW });
    expect(again.statusCode).toBe(409);
    expect(reason(again)).toBe("INVITATION_USED");
    expect(again.json().error.message).toMatch(/already been used/);
    expect(reason(await preview(created.token))).toBe("INVITATION_USED");

    // Two accepts at once (a double click, two tabs): the row lock lets exactly one through.
    const race = await invite(owner, { email: "race@x.test", role: "viewer" });
    const answers = await Promise.all([
      acceptAnon(race.token, { displayName: "A", password: NEW_PW }),
      acceptAnon(race.token, { displayName: "B", password: NEW_PW }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(answers.filter((r) => r.statusCode === 409).map(reason)).toEqual(["INVITATION_USED"]);

    // Two orgs invite the same new email and both links are used at once: one account, no 500.
    const b = await login(app, EMAILS.bOwner);
    const fromA = await invite(owner, { email: "wanted@x.test", role: "member" });
    const fromB = await invite(b, { email: "wanted@x.test", role: "member" });
    const both = await Promise.all([
      acceptAnon(fromA.token, { displayName: "W", password: NEW_PW }),
      acceptAnon(fromB.token, { displayName: "W", password: NEW_PW }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(both.filter((r) => r.statusCode === 409).map(reason)).toEqual(["ACCOUNT_EXISTS"]);
  });

  it("an expired link answers 409 INVITATION_EXPIRED, and its status reads expired", async () => {
    const owner = await login(app, EMAILS.aOwner);
    const created = await invite(owner, { email: "late@x.test", role: "member", expiresInHours: 1 });
    expect((await preview(created.token)).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 61 * 60_000);
    const shown = await preview(created.token);
    expect(shown.statusCode).toBe(409);
    expect(reason(shown)).toBe("INVITATION_EXPIRED");
    const res = await acceptAnon(created.token, { displayName: "Late", password: NEW_PW });
    expect(res.statusCode).toBe(409);
    expect(reason(res)).toBe("INVITATION_EXPIRED");
    const owner2 = await login(app, EMAILS.aOwner);
    const list = (await call(app, owner2, "GET", "/api/v1/invitations")).json();
    expect(list.items.find((i: Created) => i.id === created.id)).toMatchObject({ status: "expired" });
    expect((await login(app, EMAILS.aOwner)).orgId).toBe(IDS.a);
    const noAccount = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "late@x.test", password: NEW_PW },
    });
    expect(noAccount.statusCode).toBe(401);
  });

  it("a withdrawn link answers 409 INVITATION_REVOKED; another org's invitation id is 404", async () => {
    const owner = await login(app, EMAILS.aOwner);
    const created = await invite(owner, { email: "maybe@x.test", role: "member" });
    // Firm B's owner cannot see or withdraw A's invitation: 404, and it stays pending.
    const b = await login(app, EMAILS.bOwner);
    const foreign = await call(app, b, "POST", `/api/v1/invitations/${created.id}/revoke`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe("NOT_FOUND");
    const bList = (await call(app, b, "GET", "/api/v1/invitations")).json().items as Created[];
    expect(bList.map((i) => i.id)).not.toContain(created.id);
    expect(bList.every((i) => i.orgId === IDS.b)).toBe(true);
    expect((await preview(created.token)).statusCode).toBe(200);

    const revoked = await call(app, owner, "POST", `/api/v1/invitations/${created.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ status: "revoked" });
    const res = await acceptAnon(created.token, { displayName: "Maybe", password: NEW_PW });
    expect(res.statusCode).toBe(409);
    expect(reason(res)).toBe("INVITATION_REVOKED");
    expect(reason(await call(app, owner, "POST", `/api/v1/invitations/${created.id}/revoke`))).toBe(
      "INVITATION_REVOKED",
    );
    const audit = (await call(app, owner, "GET", "/api/v1/audit?action=invitation.revoke")).json().items;
    expect(audit[0]).toMatchObject({
      entityId: created.id,
      before: { status: "pending" },
      after: { status: "revoked" },
    });
    expect((await preview("no-such-token-0123456789")).statusCode).toBe(404);
  });

  it("an existing account signs in and accepts: it gains the membership and is switched to that org", async () => {
    const admin = await login(app, EMAILS.aAdmin);
    const created = await invite(admin, { email: EMAILS.cOwner, role: "viewer" });
    expect((await preview(created.token)).json().accountExists).toBe(true);
    // Without a session the account exists, so registering is refused with the way forward.
    const anon = await acceptAnon(created.token, { displayName: "x", password: NEW_PW });
    expect(anon.statusCode).toBe(409);
    expect(reason(anon)).toBe("ACCOUNT_EXISTS");
    // Someone else's session cannot take it.
    const b = await login(app, EMAILS.bOwner);
    const wrong = await call(app, b, "POST", `/api/v1/invitations/by-token/${created.token}/accept`, {});
    expect(wrong.statusCode).toBe(403);
    expect(reason(wrong)).toBe("INVITATION_EMAIL_MISMATCH");

    const c = await login(app, EMAILS.cOwner, PASSWORD);
    const res = await call(app, c, "POST", `/api/v1/invitations/by-token/${created.token}/accept`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ org: { id: IDS.a }, role: "viewer" });
    expect(
      res
        .json()
        .memberships.map((m: { orgId: string }) => m.orgId)
        .sort(),
    ).toEqual([IDS.a, IDS.c]);
    const next = sessionFrom(res);
    expect(next.cookie).not.toBe(c.cookie);
    expect((await call(app, c, "GET", "/api/v1/auth/me")).statusCode).toBe(401);
    const back = await call(app, next, "POST", "/api/v1/auth/switch-org", { orgId: IDS.c });
    expect(back.json()).toMatchObject({ org: { id: IDS.c }, role: "owner" });
  });

  it("only owners/admins invite; only an owner invites an owner; members of the org cannot be invited", async () => {
    for (const email of [EMAILS.aMember, EMAILS.aViewer]) {
      const s = await login(app, email);
      expect(
        (await call(app, s, "POST", "/api/v1/invitations", { email: "x@x.test", role: "viewer" })).statusCode,
      ).toBe(403);
      expect((await call(app, s, "GET", "/api/v1/invitations")).statusCode).toBe(403);
    }
    const admin = await login(app, EMAILS.aAdmin);
    expect(
      (await call(app, admin, "POST", "/api/v1/invitations", { email: "boss@x.test", role: "owner" }))
        .statusCode,
    ).toBe(403);
    const dup = await call(app, admin, "POST", "/api/v1/invitations", {
      email: EMAILS.aMember,
      role: "viewer",
    });
    expect(dup.statusCode).toBe(409);
    expect(reason(dup)).toBe("ALREADY_MEMBER");
    const tooLong = await call(app, admin, "POST", "/api/v1/invitations", {
      email: "y@x.test",
      role: "viewer",
      expiresInHours: 24 * 31,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.code).toBe("VALIDATION_FAILED");
  });
});
