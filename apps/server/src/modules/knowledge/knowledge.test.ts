import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";

describeEachDatabase("knowledge base: sharing scopes and search in Chinese and English", (getDb) => {
  let app: FastifyInstance;
  let a: Session;
  let aViewer: Session;
  let b: Session;
  let c: Session;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db);
    [a, aViewer, b, c] = await Promise.all([
      login(app, EMAILS.aOwner),
      login(app, EMAILS.aViewer),
      login(app, EMAILS.bOwner),
      login(app, EMAILS.cOwner),
    ]);
    const write = async (key: string, s: Session, body: Record<string, unknown>) => {
      const res = await call(app, s, "POST", "/api/v1/knowledge", body);
      expect(res.statusCode, res.body).toBe(200);
      ids[key] = res.json().id;
    };
    await write("standards", a, {
      kind: "standard",
      titleZh: "医用电气设备电磁兼容标准清单",
      titleEn: "EMC standards for medical electrical equipment",
      standardCode: "IEC 60601-1-2:2014",
      body: "YY 9706.102-2021 等同采用 IEC 60601-1-2；风险管理见 YY/T 0316-2016。功率电感的辐射发射 (radiated emissions of power inductors) matter.",
      tags: ["EMC", "医疗"],
      visibility: "cluster",
    });
    await write("lesson", a, {
      kind: "lesson",
      titleZh: "一体成型电感开裂的教训",
      body: "回流焊温度曲线过陡导致磁体开裂。Cracked molded inductors after a steep reflow profile.",
      visibility: "group",
      audienceOrgIds: [IDS.b, IDS.d],
    });
    await write("private", a, {
      kind: "article",
      titleZh: "给丙公司的电感选型建议",
      body: "仅供丙医疗参考的电感选型。Inductor selection for Gamma only.",
      visibility: "firm",
      audienceOrgIds: [IDS.c],
    });
  });
  afterAll(() => app.close());

  const titles = async (s: Session, q = "") =>
    (await call(app, s, "GET", `/api/v1/knowledge${q ? `?q=${encodeURIComponent(q)}` : ""}`))
      .json()
      .items.map((x: { id: string }) => Object.keys(ids).find((k) => ids[k] === x.id))
      .sort();

  it("each org sees cluster entries, its own, and what was shared with it — nothing else (404 by id)", async () => {
    expect(await titles(a)).toEqual(["lesson", "private", "standards"]);
    expect(await titles(b)).toEqual(["lesson", "standards"]);
    expect(await titles(c)).toEqual(["private", "standards"]);
    expect((await call(app, b, "GET", `/api/v1/knowledge/${ids.private}`)).statusCode).toBe(404);
    expect((await call(app, c, "GET", `/api/v1/knowledge/${ids.lesson}`)).statusCode).toBe(404);
    const seen = (await call(app, b, "GET", `/api/v1/knowledge/${ids.lesson}`)).json();
    expect(seen).toMatchObject({ mine: false, audienceOrgIds: [] }); // the audience is the author's business
    const own = (await call(app, a, "GET", `/api/v1/knowledge/${ids.lesson}`)).json();
    expect(own.audienceOrgIds).toEqual([IDS.b, IDS.d].sort());
  });

  it("searches Chinese, English, mixed and standard codes; every word must match", async () => {
    expect(await titles(a, "电感")).toEqual(["lesson", "private", "standards"]);
    expect(await titles(b, "电感")).toEqual(["lesson", "standards"]);
    expect(await titles(a, "inductors")).toEqual(["lesson", "private", "standards"]);
    expect(await titles(a, "开裂")).toEqual(["lesson"]);
    expect(await titles(a, "YY/T 0316")).toEqual(["standards"]);
    expect(await titles(a, "IEC 60601 电磁兼容")).toEqual(["standards"]);
    expect(await titles(a, "reflow 电感")).toEqual(["lesson"]);
    expect(await titles(a, "电容")).toEqual([]);
    // Title matches rank first.
    const ranked = (await call(app, a, "GET", `/api/v1/knowledge?q=${encodeURIComponent("电感")}`)).json()
      .items;
    expect(ranked[ranked.length - 1].id).toBe(ids.standards);
    const standardsOnly = (await call(app, a, "GET", "/api/v1/knowledge?kind=standard")).json();
    expect(standardsOnly.total).toBe(1);
  });

  it("editing re-indexes and re-shares; only the author org's writers may edit", async () => {
    expect(
      (await call(app, b, "PATCH", `/api/v1/knowledge/${ids.lesson}`, { titleZh: "x" })).statusCode,
    ).toBe(403);
    expect(
      (await call(app, c, "PATCH", `/api/v1/knowledge/${ids.lesson}`, { titleZh: "x" })).statusCode,
    ).toBe(404);
    expect(
      (await call(app, aViewer, "PATCH", `/api/v1/knowledge/${ids.lesson}`, { titleZh: "x" })).statusCode,
    ).toBe(403);
    const edited = await call(app, a, "PATCH", `/api/v1/knowledge/${ids.lesson}`, {
      body: "磁芯 ferrite core cracked",
      visibility: "firm",
      audienceOrgIds: [IDS.c],
    });
    expect(edited.statusCode).toBe(200);
    expect(await titles(a, "开裂")).toEqual(["lesson"]); // still in the title
    expect(await titles(a, "reflow")).toEqual([]); // the old body is no longer indexed
    expect(await titles(c, "磁芯")).toEqual(["lesson"]);
    expect((await call(app, b, "GET", `/api/v1/knowledge/${ids.lesson}`)).statusCode).toBe(404);
  });

  it("bad input is a 400 naming the field", async () => {
    const bad = async (body: Record<string, unknown>) => {
      const res = await call(app, a, "POST", "/api/v1/knowledge", body);
      expect(res.statusCode).toBe(400);
      return res.json().error.details[0].path as string;
    };
    const base = { kind: "article", titleZh: "t", body: "b" };
    expect(await bad({ ...base, visibility: "firm", audienceOrgIds: [IDS.b, IDS.c] })).toBe("audienceOrgIds");
    expect(await bad({ ...base, visibility: "group", audienceOrgIds: [] })).toBe("audienceOrgIds");
    expect(await bad({ ...base, visibility: "cluster", audienceOrgIds: [IDS.b] })).toBe("audienceOrgIds");
    expect(await bad({ ...base, visibility: "firm", audienceOrgIds: ["org-nope"] })).toBe("audienceOrgIds.0");
    expect(
      (await call(app, aViewer, "POST", "/api/v1/knowledge", { ...base, visibility: "cluster" })).statusCode,
    ).toBe(403);
  });
});
