import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp, uscc } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";

interface SearchPage {
  items: { id: string; nameEn: string }[];
  total: number;
}

describeEachDatabase("org registry: search, profile editing, USCC", (getDb) => {
  let app: FastifyInstance;
  let a: Session;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db);
    a = await login(app, EMAILS.aOwner);
  });
  afterAll(() => app.close());

  const search = async (qs: string): Promise<SearchPage> =>
    (await call(app, a, "GET", `/api/v1/orgs?${qs}`)).json();

  it("searching 电感 finds the inductor firms (Chinese word segmentation, substring match)", async () => {
    const page = await search(`q=${encodeURIComponent("电感")}`);
    expect(page.items.map((o) => o.id).sort()).toEqual([IDS.a, IDS.b]);
  });

  it("English search matches words and prefixes case-insensitively", async () => {
    expect((await search("q=inductor")).items.map((o) => o.id)).toEqual([IDS.a]);
    expect((await search("q=MONITOR")).items.map((o) => o.id)).toEqual([IDS.c]);
    expect((await search("q=ferr")).items.map((o) => o.id)).toEqual([IDS.d]);
    expect((await search("q=zzzz-nothing")).total).toBe(0);
  });

  it("a multi-word query needs every word; LIKE wildcards in the query match literally", async () => {
    expect((await search(`q=${encodeURIComponent("监护仪 多参数")}`)).items.map((o) => o.id)).toEqual([
      IDS.c,
    ]);
    expect((await search(`q=${encodeURIComponent("%")}`)).total).toBe(0);
  });

  it("filters by kind, district, industry and chain node, sorts and paginates with a stable order", async () => {
    expect((await search("kind=operator")).items.map((o) => o.id)).toEqual([IDS.operator]);
    expect(
      (await search(`district=${encodeURIComponent("南湖区")}&sort=name&lang=en`)).items.map((o) => o.id),
    ).toEqual([IDS.a, IDS.c]);
    expect((await search("industry=3981")).total).toBe(4);
    expect(
      (await search("chainNode=n-inductor&sort=name&lang=en&order=desc")).items.map((o) => o.id),
    ).toEqual([IDS.b, IDS.a]);
    const p1 = await search("sort=name&lang=en&pageSize=2&page=1");
    const p2 = await search("sort=name&lang=en&pageSize=2&page=2");
    const p3 = await search("sort=name&lang=en&pageSize=2&page=3");
    expect(p1.total).toBe(5);
    const all = [...p1.items, ...p2.items, ...p3.items].map((o) => o.nameEn);
    expect(all).toEqual([...all].sort());
    expect(new Set(all).size).toBe(5);
    expect((await search("page=9&pageSize=2")).total).toBe(5);
  });

  it("refuses a wrong 统一社会信用代码 with a message naming the field", async () => {
    const good = uscc("91330400MA2AAAA01");
    const bad = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
    const res = await call(app, a, "PATCH", `/api/v1/orgs/${IDS.a}`, { uscc: bad });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.message).toContain("uscc");
    expect(body.error.details[0].path).toBe("uscc");
    expect(body.error.details[0].message).toContain("统一社会信用代码");
  });

  it("owner edits the profile; the change is searchable and audited with before and after", async () => {
    const res = await call(app, a, "PATCH", `/api/v1/orgs/${IDS.a}`, {
      descriptionZh: "新描述",
      capabilities: [{ zh: "磁集成设计", en: "Magnetic integration design" }],
      chainNodeIds: ["n-inductor", "n-ferrite"],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().chainNodes.map((n: { id: string }) => n.id)).toEqual(["n-ferrite", "n-inductor"]);
    expect((await search(`q=${encodeURIComponent("磁集成")}`)).items.map((o) => o.id)).toEqual([IDS.a]);
    const log = (await call(app, a, "GET", "/api/v1/audit?action=org.update")).json();
    const entry = log.items[0];
    expect(entry).toMatchObject({
      orgId: IDS.a,
      action: "org.update",
      entity: "org",
      entityId: IDS.a,
      actorEmail: EMAILS.aOwner,
    });
    expect(entry.before).toMatchObject({ descriptionZh: "", capabilities: [] });
    expect(entry.after).toMatchObject({ descriptionZh: "新描述" });
  });

  it("a member may not edit; another org's profile answers 404; unknown chain nodes are refused", async () => {
    const m = await login(app, EMAILS.aMember);
    expect((await call(app, m, "PATCH", `/api/v1/orgs/${IDS.a}`, { website: "x" })).statusCode).toBe(403);
    expect((await call(app, a, "PATCH", `/api/v1/orgs/${IDS.b}`, { website: "x" })).statusCode).toBe(404);
    const bad = await call(app, a, "PATCH", `/api/v1/orgs/${IDS.a}`, { chainNodeIds: ["nope"] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("chainNodeIds");
  });

  it("only the operator registers organisations; a duplicate USCC conflicts", async () => {
    const body = {
      kind: "university",
      nameZh: "嘉兴学院",
      nameEn: "Jiaxing University",
      uscc: uscc("12330400MB0EEEE05"),
    };
    expect((await call(app, a, "POST", "/api/v1/orgs", body)).statusCode).toBe(403);
    const op = await login(app, EMAILS.opAdmin);
    const created = await call(app, op, "POST", "/api/v1/orgs", body);
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ kind: "university", nameEn: "Jiaxing University" });
    expect((await call(app, op, "POST", "/api/v1/orgs", body)).statusCode).toBe(409);
  });
});
