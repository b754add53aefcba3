import { expect, it } from "vitest";
import { EMAILS, IDS, login, seedCluster, testApp, uscc } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { addUser } from "./user.service.ts";

describeEachDatabase("user add (CLI service)", (getDb) => {
  it("adds a user by org id or USCC, who can then sign in with that role; re-adding changes the role", async () => {
    const { db } = getDb();
    await seedCluster(db);
    const r = await addUser(db, {
      email: "New@C.test",
      org: uscc("91330400MA2CCCC03"),
      role: "admin",
      password: "long enough pw",
    });
    expect(r).toMatchObject({ orgId: IDS.c, created: true });
    const app = await testApp(db);
    const s = await login(app, "new@c.test", "long enough pw");
    expect(s.orgId).toBe(IDS.c);
    const again = await addUser(db, {
      email: "new@c.test",
      org: IDS.c,
      role: "viewer",
      password: "another long pw",
    });
    expect(again.created).toBe(false);
    const me = await app.inject({
      method: "GET",
      url: "/api/v1/auth/me",
      headers: { cookie: (await login(app, "new@c.test", "another long pw")).cookie },
    });
    expect(me.json().role).toBe("viewer");
    await app.close();
  });

  it("refuses an unknown org, a bad email and a short password by field", async () => {
    const { db } = getDb();
    await expect(
      addUser(db, { email: "x@y.test", org: "org-nope", role: "member", password: "long enough pw" }),
    ).rejects.toThrow(/org org-nope not found/);
    await expect(
      addUser(db, { email: "not-an-email", org: IDS.a, role: "member", password: "long enough pw" }),
    ).rejects.toThrow(/^email/);
    await expect(
      addUser(db, { email: EMAILS.aOwner, org: IDS.a, role: "member", password: "short" }),
    ).rejects.toThrow(/^password/);
  });
});
