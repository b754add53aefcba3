import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../modules/users/user.service.ts";
import { call, EMAILS, IDS, login, seedCluster, testApp } from "../test/fixtures.ts";
import { describeEachDatabase } from "../test/test-database.ts";
import { assertAcceptablePassword, WeakPasswordError } from "./password-policy.ts";

function reason(pw: string, email?: string): string | null {
  try {
    assertAcceptablePassword(pw, email);
    return null;
  } catch (e) {
    if (!(e instanceof WeakPasswordError)) throw e;
    return (e.details as { message: string }[])[0].message;
  }
}

describe("password policy (ASVS 2.1.1, 2.1.7, 2.1.9)", () => {
  it("refuses short, common/breached (also with a trailing number) and email-derived passwords", () => {
    expect(reason("Sh0rt!")).toMatch(/at least 12/);
    expect(reason("Sh0rt-but11")).toMatch(/at least 12/);
    expect(reason("qwertyuiop12")).toMatch(/common/);
    expect(reason("Password1234")).toMatch(/common/);
    expect(reason("basketball2024!")).toMatch(/common/);
    expect(reason("1q2w3e4r5t6y")).toMatch(/common/);
    expect(reason("wang.lei.2026", "wang.lei@a.test")).toMatch(/email/);
  });

  it("accepts long uncommon passphrases, Chinese included, without composition rules", () => {
    expect(reason("correct horse battery staple")).toBeNull();
    expect(reason("磁芯电感监视器一二三四五六")).toBeNull();
    expect(reason("plain lowercase words here")).toBeNull();
  });
});

describeEachDatabase("every password-setting path applies the one policy", (getDb) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db, { security: { ipMaxAttempts: 10_000 } });
  });
  afterAll(() => app.close());

  it("member add with a breached initial password answers 400 WEAK_PASSWORD naming the field", async () => {
    const owner = await login(app, EMAILS.aOwner);
    const res = await call(app, owner, "POST", "/api/v1/members", {
      email: "weak.pw@a.test",
      displayName: "Weak",
      role: "member",
      password: "password1234",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "WEAK_PASSWORD", details: [{ path: "password" }] });
  });

  it("invitation sign-up refuses a common password and one containing the invited email", async () => {
    const owner = await login(app, EMAILS.aOwner);
    const inv = await call(app, owner, "POST", "/api/v1/invitations", {
      email: "invitee.zhao@x.test",
      role: "member",
    });
    expect(inv.statusCode, inv.body).toBe(200);
    const accept = (password: string) =>
      app.inject({
        method: "POST",
        url: `/api/v1/invitations/by-token/${inv.json().token}/accept`,
        payload: { displayName: "赵", password },
      });
    expect((await accept("qwertyuiop123")).json().error.code).toBe("WEAK_PASSWORD");
    const withEmail = await accept("invitee.zhao-rocks");
    expect(withEmail.statusCode).toBe(400);
    expect(withEmail.json().error.code).toBe("WEAK_PASSWORD");
    expect((await accept("a sound passphrase here")).statusCode).toBe(200);
  });

  it("the CLI's user add refuses a common password", async () => {
    await expect(
      addUser(getDb().db, {
        email: "cli.user@a.test",
        org: IDS.a,
        role: "member",
        password: "qwertyuiop1234",
      }),
    ).rejects.toBeInstanceOf(WeakPasswordError);
  });
});
