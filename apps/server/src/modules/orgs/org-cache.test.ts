import { and, count, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { auditLog } from "../../db/schema/index.ts";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { fixtureUscc, toCsv } from "../imports/fixtures/import-fixtures.ts";
import { headerText, ORG_COLUMNS } from "../imports/import.columns.ts";

interface Profile {
  descriptionZh: string;
  chainNodes: { id: string }[];
  contact?: { phone: string };
  access: { equipment: string; contacts: string };
}

const HOUR = 3_600_000;

describeEachDatabase("org read caches: repeated reads skip the database, writes show at once", (getDb) => {
  let app: FastifyInstance;
  let a: Session;
  let b: Session;
  let c: Session;
  let op: Session;
  let clock = new Date();
  let queries: { mock: { calls: unknown[] } } & { mockRestore(): void };

  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db, { now: () => clock });
    [a, b, c, op] = [
      await login(app, EMAILS.aOwner),
      await login(app, EMAILS.bOwner),
      await login(app, EMAILS.cOwner),
      await login(app, EMAILS.opAdmin),
    ];
  });
  afterAll(() => app.close());

  /** SQL statements the app sends (outside transactions) while `fn` runs. */
  const countQueries = async (fn: () => Promise<unknown>): Promise<number> => {
    const client = (getDb().db as unknown as { $client: { query: (...args: unknown[]) => unknown } }).$client;
    queries = vi.spyOn(client, "query");
    try {
      await fn();
      return queries.mock.calls.length;
    } finally {
      queries.mockRestore();
    }
  };
  const profile = async (s: Session, id: string): Promise<Profile> => {
    const res = await call(app, s, "GET", `/api/v1/orgs/${id}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const found = async (s: Session, q: string): Promise<string[]> =>
    (await call(app, s, "GET", `/api/v1/orgs?q=${encodeURIComponent(q)}`))
      .json()
      .items.map((o: { id: string }) => o.id);

  it("a profile costs two queries cold (org with chain nodes, grants) and none warm; search none warm", async () => {
    await profile(b, IDS.b); // the session lookups are cached from here on
    expect(await countQueries(() => profile(b, IDS.c))).toBe(2);
    expect(await countQueries(() => profile(b, IDS.c))).toBe(0);
    expect(await countQueries(() => profile(b, IDS.b))).toBe(0);
    expect(await countQueries(() => found(b, "电感"))).toBe(1);
    expect(await countQueries(() => found(b, "电感"))).toBe(0);
    expect(await found(b, "电感")).toEqual(expect.arrayContaining([IDS.a, IDS.b]));
  });

  it("a profile edit shows at once in profile and search, to the writer and to others", async () => {
    for (const s of [a, b]) {
      expect((await profile(s, IDS.a)).descriptionZh).toBe("");
      expect(await found(s, "磁集成")).toEqual([]);
    }
    const res = await call(app, a, "PATCH", `/api/v1/orgs/${IDS.a}`, {
      descriptionZh: "缓存之后",
      capabilities: [{ zh: "磁集成设计", en: "Magnetic integration design" }],
      chainNodeIds: ["n-inductor", "n-ferrite"],
    });
    expect(res.statusCode).toBe(200);
    for (const s of [a, b]) {
      const p = await profile(s, IDS.a);
      expect(p.descriptionZh).toBe("缓存之后");
      expect(p.chainNodes.map((n) => n.id)).toEqual(["n-ferrite", "n-inductor"]);
      expect(await found(s, "磁集成")).toEqual([IDS.a]);
    }
  });

  it("private fields follow the caller: own staff see them, others only through a grant, at once", async () => {
    expect((await profile(b, IDS.b)).contact?.phone).toBeDefined();
    expect(await profile(c, IDS.b)).not.toHaveProperty("contact");
    const expiresAt = new Date(clock.getTime() + HOUR).toISOString();
    const granted = await call(app, b, "POST", "/api/v1/grants", {
      granteeOrgId: IDS.c,
      dataClass: "contacts",
      purpose: "cache test",
      expiresAt,
    });
    expect(granted.statusCode).toBe(200);
    const seen = await profile(c, IDS.b);
    expect(seen.access.contacts).toBe("grant");
    expect(seen.contact?.phone).toBe((await profile(b, IDS.b)).contact?.phone);
    expect(await profile(a, IDS.b)).not.toHaveProperty("contact"); // the grant is C's alone
    await profile(c, IDS.b); // served from the cache, and still audited
    const [audited] = await getDb()
      .db.select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, "grant.read"), eq(auditLog.entity, "contacts")));
    expect(Number(audited.n)).toBe(2);

    const revoked = await call(app, b, "POST", `/api/v1/grants/${granted.json().id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(await profile(c, IDS.b)).not.toHaveProperty("contact");
  });

  it("a grant that expires stops showing private fields without any write", async () => {
    const granted = await call(app, b, "POST", "/api/v1/grants", {
      granteeOrgId: IDS.c,
      dataClass: "equipment",
      purpose: "cache expiry test",
      expiresAt: new Date(clock.getTime() + HOUR).toISOString(),
    });
    expect(granted.statusCode).toBe(200);
    expect((await profile(c, IDS.b)).access.equipment).toBe("grant");
    clock = new Date(clock.getTime() + 2 * HOUR);
    expect((await profile(c, IDS.b)).access.equipment).toBe("none");
  });

  it("an import through the API is found by everyone's next search", async () => {
    for (const s of [op, a]) expect(await found(s, "缓存导入")).toEqual([]);
    const values: Record<string, string> = {
      uscc: fixtureUscc(4242),
      kind: "enterprise",
      nameZh: "嘉兴缓存导入电子有限公司",
      nameEn: "Jiaxing Cache Import Electronics",
    };
    const csv = toCsv(ORG_COLUMNS.map(headerText), [ORG_COLUMNS.map((col) => values[col.key] ?? "")]);
    const res = await call(app, op, "POST", "/api/v1/imports", {
      entity: "orgs",
      format: "csv",
      contentBase64: csv.toString("base64"),
    });
    expect(res.json()).toMatchObject({ written: 1, committed: true });
    const [id] = res.json().createdIds;
    for (const s of [op, a]) expect(await found(s, "缓存导入")).toEqual([id]);
  });
});
