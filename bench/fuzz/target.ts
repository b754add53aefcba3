// The server under fuzz: the real app listening on port 0 over HTTP, on PGlite or on PostgreSQL in
// its own schema, seeded with the medium-test cluster (operator + firms A–D, every role in firm A).
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { inArray } from "drizzle-orm";
import { buildApp } from "../../apps/server/src/app.ts";
import { type Database, type DatabaseHandle, openDatabase } from "../../apps/server/src/db/database.ts";
import { migrate } from "../../apps/server/src/db/migrate.ts";
import { loginAttempts, memberships, users } from "../../apps/server/src/db/schema/index.ts";
import { EMAILS, IDS, PASSWORD, seedCluster } from "../../apps/server/src/test/fixtures.ts";
import type { Persona } from "./rules.ts";

export interface Session {
  cookie: string;
  csrf: string;
  orgId: string;
}

/** Who each persona signs in as, and the membership the fuzzer puts back after every operation. */
const ACCOUNTS: Record<Exclude<Persona, "anonymous">, { email: string; orgId: string; role: string }> = {
  owner: { email: EMAILS.aOwner, orgId: IDS.a, role: "owner" },
  admin: { email: EMAILS.aAdmin, orgId: IDS.a, role: "admin" },
  member: { email: EMAILS.aMember, orgId: IDS.a, role: "member" },
  viewer: { email: EMAILS.aViewer, orgId: IDS.a, role: "viewer" },
  operator: { email: EMAILS.opAdmin, orgId: IDS.operator, role: "admin" },
};

/** Firm B's owner: another tenant whose ids the fuzzer harvests and throws at firm A. */
export const OTHER_TENANT = { email: EMAILS.bOwner, orgId: IDS.b, role: "owner" };

export interface FuzzTarget {
  label: string;
  base: string;
  /** The database behind the server, for checks of what a run left there. */
  db: Database;
  sessions: Map<Persona, Session>;
  /** Puts the fixture memberships and sign-in state back and re-signs-in whoever lost a session. */
  restore(verifySessions?: boolean): Promise<void>;
  signIn(email: string): Promise<Session>;
  close(): Promise<void>;
}

export async function startTarget(kind: "pglite" | "postgres", pgUrl?: string): Promise<FuzzTarget> {
  const schema = kind === "postgres" ? `fuzz_${randomBytes(4).toString("hex")}` : undefined;
  let handle: DatabaseHandle;
  if (kind === "postgres") {
    if (!pgUrl) throw new Error("PostgreSQL target needs a URL");
    const admin = await openDatabase({ url: pgUrl });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    await admin.close();
    handle = await openDatabase({ url: pgUrl, schema });
  } else handle = await openDatabase({ url: "memory://" });
  await migrate(handle);
  await seedCluster(handle.db);
  const app = await buildApp({
    db: handle.db,
    sessionSecret: randomBytes(32).toString("hex"),
    logLevel: "silent",
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const signIn = async (email: string): Promise<Session> => {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`sign-in ${email} failed: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { csrfToken: string; org: { id: string } };
    const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
    return { cookie, csrf: body.csrfToken, orgId: body.org.id };
  };

  const sessions = new Map<Persona, Session>();
  const stillValid = async (persona: Exclude<Persona, "anonymous">, s: Session) => {
    const res = await fetch(`${base}/api/v1/auth/me`, { headers: { cookie: s.cookie } });
    if (res.status !== 200) return false;
    const me = (await res.json()) as { role?: string; org?: { id?: string } };
    return me.role === ACCOUNTS[persona].role && me.org?.id === ACCOUNTS[persona].orgId;
  };

  const fixture = [...Object.values(ACCOUNTS), OTHER_TENANT];
  const restore = async (verifySessions = false) => {
    const db = handle.db;
    // Fuzzed sign-ins may lock accounts or rate-limit this IP; fuzzed member routes may re-role
    // or remove a persona. Put the fixture back so every operation starts from the same cluster.
    await db.delete(loginAttempts);
    const rows = await db
      .select({ orgId: memberships.orgId, userId: memberships.userId, role: memberships.role })
      .from(memberships)
      .where(
        inArray(
          memberships.userId,
          fixture.map((a) => `u-${a.email}`),
        ),
      );
    const now = new Set(rows.map((r) => `${r.orgId} ${r.userId} ${r.role}`));
    const intact =
      rows.length === fixture.length && fixture.every((a) => now.has(`${a.orgId} u-${a.email} ${a.role}`));
    if (!intact) {
      await db.delete(memberships).where(
        inArray(
          memberships.userId,
          fixture.map((a) => `u-${a.email}`),
        ),
      );
      await db
        .insert(memberships)
        .values(fixture.map((a) => ({ orgId: a.orgId, userId: `u-${a.email}`, role: a.role as "owner" })));
      await db
        .update(users)
        .set({ isActive: true })
        .where(
          inArray(
            users.id,
            fixture.map((a) => `u-${a.email}`),
          ),
        );
    }
    if (intact && !verifySessions && sessions.size === Object.keys(ACCOUNTS).length) return;
    for (const [persona, account] of Object.entries(ACCOUNTS) as [
      Exclude<Persona, "anonymous">,
      typeof OTHER_TENANT,
    ][]) {
      const s = sessions.get(persona);
      if (!s || !(await stillValid(persona, s))) sessions.set(persona, await signIn(account.email));
    }
  };
  await restore();

  return {
    label: kind === "pglite" ? "PGlite (in-process)" : "PostgreSQL",
    base,
    db: handle.db,
    sessions,
    restore,
    signIn,
    close: async () => {
      await app.close();
      await handle.close();
      if (schema && pgUrl) {
        const admin = await openDatabase({ url: pgUrl });
        await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.close();
      }
    },
  };
}
