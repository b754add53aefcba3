import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";

const NEW_PW = "initial pass 123";
const userId = (email: string) => `u-${email}`;

interface AuditRow {
  action: string;
  entityId: string;
  actorEmail: string | null;
  before: unknown;
  after: unknown;
}

describeEachDatabase("members: owners and admins manage their own org's members", (getDb) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    // Many sign-ins from one inject IP: lift the per-IP limit, which auth.test covers.
    app = await testApp(getDb().db, { security: { ipMaxAttempts: 10_000 } });
  });
  afterAll(() => app.close());

  const audit = async (s: Session, action: string): Promise<AuditRow[]> =>
    (await call(app, s, "GET", `/api/v1/audit?action=${action}`)).json().items;

  it("the owner adds a member who can then sign in with that role; the add is audited without the password", async () => {
    const owner = await login(app, EMAILS.aOwner);
    const res = await call(app, owner, "POST", "/api/v1/members", {
      email: "New.Hire@A.test",
      displayName: "新员工",
      role: "member",
      password: NEW_PW,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      email: "new.hire@a.test",
      displayName: "新员工",
      role: "member",
      created: true,
    });
    const s = await login(app, "new.hire@a.test", NEW_PW);
    expect(s.orgId).toBe(IDS.a);
    const me = (await call(app, s, "GET", "/api/v1/auth/me")).json();
    expect(me.role).toBe("member");
    const list = (await call(app, owner, "GET", `/api/v1/orgs/${IDS.a}/members`)).json();
    expect(list.items.map((m: { email: string }) => m.email)).toContain("new.hire@a.test");
    const [entry] = (await audit(owner, "membership.create")).filter((e) =>
      e.entityId.endsWith(res.json().userId),
    );
    expect(entry).toMatchObject({
      entityId: `${IDS.a}:${res.json().userId}`,
      actorEmail: EMAILS.aOwner,
      before: null,
      after: { email: "new.hire@a.test", role: "member", newUser: true },
    });
    expect(JSON.stringify(entry)).not.toContain(NEW_PW);
    // The same person again is a conflict, not a second membership.
    const again = await call(app, owner, "POST", "/api/v1/members", {
      email: "new.hire@a.test",
      role: "viewer",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual({ reason: "ALREADY_MEMBER" });
  });

  it("attaches only an account with no organisation (password unchanged); never another org's member", async () => {
    const admin = await login(app, EMAILS.aAdmin);
    const other = await call(app, admin, "POST", "/api/v1/members", { email: EMAILS.cOwner, role: "viewer" });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.details).toMatchObject({ reason: "ACCOUNT_IN_OTHER_ORG" });
    expect(JSON.stringify(other.json())).not.toContain(userId(EMAILS.cOwner));
    const meC = (await call(app, await login(app, EMAILS.cOwner), "GET", "/api/v1/auth/me")).json();
    expect(meC.memberships.map((m: { orgId: string }) => m.orgId)).toEqual([IDS.c]);

    // An account removed from its org has none left, so it can be attached again, keeping its password.
    const email = "returning@a.test";
    const added = await call(app, admin, "POST", "/api/v1/members", {
      email,
      displayName: "Returning",
      role: "member",
      password: "coming-back-pass-1",
    });
    expect(added.statusCode).toBe(200);
    const id = added.json().userId as string;
    expect((await call(app, admin, "DELETE", `/api/v1/members/${id}`)).statusCode).toBe(200);
    const attach = await call(app, admin, "POST", "/api/v1/members", { email, role: "viewer" });
    expect(attach.statusCode).toBe(200);
    expect(attach.json()).toMatchObject({ userId: id, role: "viewer", created: false });
    const back = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email, password: "coming-back-pass-1" },
    });
    expect(back.statusCode).toBe(200);
    const noPw = await call(app, admin, "POST", "/api/v1/members", {
      email: "nopw@a.test",
      displayName: "x",
      role: "member",
    });
    expect(noPw.statusCode).toBe(400);
    expect(noPw.json().error.details).toEqual([{ path: "password", message: "is required for a new user" }]);
    const short = await call(app, admin, "POST", "/api/v1/members", {
      email: "short@a.test",
      displayName: "x",
      role: "member",
      password: "123456789",
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.code).toBe("VALIDATION_FAILED");
  });

  it("an admin cannot make, demote or remove an owner; the owner can", async () => {
    const admin = await login(app, EMAILS.aAdmin);
    const owner = await login(app, EMAILS.aOwner);
    const made = await call(app, admin, "POST", "/api/v1/members", {
      email: "would-be-owner@a.test",
      displayName: "x",
      role: "owner",
      password: NEW_PW,
    });
    expect(made.statusCode).toBe(403);
    const promote = await call(app, admin, "PATCH", `/api/v1/members/${userId(EMAILS.aMember)}`, {
      role: "owner",
    });
    expect(promote.statusCode).toBe(403);
    expect(
      (await call(app, admin, "PATCH", `/api/v1/members/${userId(EMAILS.aOwner)}`, { role: "admin" }))
        .statusCode,
    ).toBe(403);
    expect((await call(app, admin, "DELETE", `/api/v1/members/${userId(EMAILS.aOwner)}`)).statusCode).toBe(
      403,
    );
    // An admin may still re-role non-owners.
    const toViewer = await call(app, admin, "PATCH", `/api/v1/members/${userId(EMAILS.aMember)}`, {
      role: "viewer",
    });
    expect(toViewer.json()).toMatchObject({ role: "viewer" });
    await call(app, owner, "PATCH", `/api/v1/members/${userId(EMAILS.aMember)}`, { role: "member" });
  });

  it("the last owner can be neither demoted nor removed (409 LAST_OWNER); with a second owner it can", async () => {
    const owner = await login(app, EMAILS.aOwner);
    for (const res of [
      await call(app, owner, "PATCH", `/api/v1/members/${userId(EMAILS.aOwner)}`, { role: "admin" }),
      await call(app, owner, "DELETE", `/api/v1/members/${userId(EMAILS.aOwner)}`),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: "CONFLICT", details: { reason: "LAST_OWNER" } });
    }
    const up = await call(app, owner, "PATCH", `/api/v1/members/${userId(EMAILS.aAdmin)}`, { role: "owner" });
    expect(up.statusCode).toBe(200);
    // Now two owners: the new one may demote the first, but then is the last owner itself.
    const second = await login(app, EMAILS.aAdmin);
    expect(
      (await call(app, second, "PATCH", `/api/v1/members/${userId(EMAILS.aOwner)}`, { role: "admin" }))
        .statusCode,
    ).toBe(200);
    expect((await call(app, second, "DELETE", `/api/v1/members/${userId(EMAILS.aAdmin)}`)).statusCode).toBe(
      409,
    );
    // Restore the seed roles for the tests that follow.
    await call(app, second, "PATCH", `/api/v1/members/${userId(EMAILS.aOwner)}`, { role: "owner" });
    const first = await login(app, EMAILS.aOwner);
    await call(app, first, "PATCH", `/api/v1/members/${userId(EMAILS.aAdmin)}`, { role: "admin" });
    const me = (await call(app, await login(app, EMAILS.aAdmin), "GET", "/api/v1/auth/me")).json();
    expect(me.role).toBe("admin");
  });

  it("members and viewers get 403 on every write", async () => {
    for (const email of [EMAILS.aMember, EMAILS.aViewer]) {
      const s = await login(app, email);
      const add = await call(app, s, "POST", "/api/v1/members", {
        email: "x@a.test",
        displayName: "x",
        role: "viewer",
        password: NEW_PW,
      });
      expect(add.statusCode).toBe(403);
      expect(
        (await call(app, s, "PATCH", `/api/v1/members/${userId(EMAILS.aViewer)}`, { role: "member" }))
          .statusCode,
      ).toBe(403);
      expect((await call(app, s, "DELETE", `/api/v1/members/${userId(EMAILS.aViewer)}`)).statusCode).toBe(
        403,
      );
    }
  });

  it("firm A's admin acting on firm B's member gets 404, and B's member is untouched", async () => {
    const admin = await login(app, EMAILS.aAdmin);
    const b = userId(EMAILS.bOwner);
    expect((await call(app, admin, "PATCH", `/api/v1/members/${b}`, { role: "viewer" })).statusCode).toBe(
      404,
    );
    expect((await call(app, admin, "DELETE", `/api/v1/members/${b}`)).statusCode).toBe(404);
    expect((await call(app, admin, "DELETE", "/api/v1/members/no-such-user")).statusCode).toBe(404);
    const me = (await call(app, await login(app, EMAILS.bOwner), "GET", "/api/v1/auth/me")).json();
    expect(me.role).toBe("owner");
  });

  it("role change and removal are audited with before/after; a removed member can no longer act for the org", async () => {
    const owner = await login(app, EMAILS.aOwner);
    const added = (
      await call(app, owner, "POST", "/api/v1/members", {
        email: "leaver@a.test",
        displayName: "Leaver",
        role: "member",
        password: NEW_PW,
      })
    ).json();
    const leaver = await login(app, "leaver@a.test", NEW_PW);
    await call(app, owner, "PATCH", `/api/v1/members/${added.userId}`, { role: "viewer" });
    expect((await call(app, owner, "DELETE", `/api/v1/members/${added.userId}`)).json()).toEqual({
      ok: true,
    });
    const id = `${IDS.a}:${added.userId}`;
    const update = (await audit(owner, "membership.update")).find((e) => e.entityId === id);
    expect(update).toMatchObject({
      before: { role: "member" },
      after: { role: "viewer", email: "leaver@a.test" },
    });
    const del = (await audit(owner, "membership.delete")).find((e) => e.entityId === id);
    expect(del).toMatchObject({ before: { role: "viewer", email: "leaver@a.test" }, after: null });
    // The session was for org A; without the membership it no longer authenticates.
    expect((await call(app, leaver, "GET", "/api/v1/auth/me")).statusCode).toBe(401);
    const list = (await call(app, owner, "GET", `/api/v1/orgs/${IDS.a}/members`)).json();
    expect(list.items.map((m: { email: string }) => m.email)).not.toContain("leaver@a.test");
  });
});
