import type { ImportReport } from "@clusterbrain/contracts";
import { FIRM_A_KEY, generateDemoCluster } from "@clusterbrain/demo";
import { count, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { auditLog, orgs, relations } from "../../db/schema/index.ts";
import { loadDemoCluster } from "../../demo/demo.loader.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { authModule } from "../auth/auth.routes.ts";
import { orgImportFixture, relationImportFixture, toCsv, toXlsx } from "./fixtures/import-fixtures.ts";
import { ORG_COLUMNS } from "./import.columns.ts";
import { importsModule } from "./imports.routes.ts";

const demo = generateDemoCluster();
const password = (persona: string) => demo.users.find((u) => u.persona === persona)!.password;
const usccOf = (key: string) => demo.orgs.find((o) => o.key === key)!.uscc;

interface Session {
  cookie: string;
  csrf: string;
}

async function login(app: FastifyInstance, persona: string): Promise<Session> {
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email: `${persona}@demo.cluster`, password: password(persona) },
  });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === "cb_session")!;
  return { cookie: `cb_session=${cookie.value}`, csrf: res.json().csrfToken };
}

async function importJson(app: FastifyInstance, s: Session, body: Record<string, unknown>, file: Buffer) {
  return app.inject({
    method: "POST",
    url: "/api/v1/imports",
    headers: { cookie: s.cookie, "x-csrf-token": s.csrf },
    payload: { ...body, contentBase64: file.toString("base64") },
  });
}

async function orgCount(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(orgs);
  return Number(row.n);
}

const brief = (r: ImportReport) => r.issues.map(({ row, column, code }) => ({ row, column, code }));

describeEachDatabase("imports and exports", (getDb) => {
  let app: FastifyInstance;
  let operator: Session;
  let firmAdmin: Session;
  const fixture = orgImportFixture();

  beforeAll(async () => {
    const { db } = getDb();
    await loadDemoCluster(db);
    app = await buildApp({
      db,
      sessionSecret: "x".repeat(40),
      logLevel: "silent",
      modules: [authModule, importsModule],
    });
    operator = await login(app, "operator");
    firmAdmin = await login(app, "admin");
  });

  it("dry run: 100 rows with 3 bad ones reports exactly those rows and columns and writes nothing", async () => {
    const { db } = getDb();
    const before = await orgCount(db);
    const res = await importJson(
      app,
      operator,
      { entity: "orgs", format: "csv", dryRun: true },
      toCsv(fixture.header, fixture.rows),
    );
    expect(res.statusCode).toBe(200);
    const report: ImportReport = res.json();
    expect(brief(report)).toEqual(fixture.expectedIssues);
    expect(report).toMatchObject({
      totalRows: 100,
      validRows: 97,
      invalidRows: 3,
      written: 0,
      committed: false,
    });
    expect(report.issues[0].message).toMatch(/统一社会信用代码/);
    expect(await orgCount(db)).toBe(before);
  });

  it("a cell with U+0000 or another control is that row's INVALID_VALUE, never a database error", async () => {
    const nameZh = ORG_COLUMNS.findIndex((c) => c.key === "nameZh");
    const address = ORG_COLUMNS.findIndex((c) => c.key === "address");
    const [first, second] = fixture.rows;
    const bad = [
      first.map((v, i) => (i === nameZh ? `${v}\u0000` : v)),
      second.map((v, i) => (i === address ? `${v}\u0007` : v)),
    ];
    const res = await importJson(
      app,
      operator,
      { entity: "orgs", format: "csv", mode: "valid-rows" },
      toCsv(fixture.header, bad),
    );
    expect(res.statusCode).toBe(200);
    const report: ImportReport = res.json();
    expect(brief(report)).toEqual([
      { row: 2, column: "nameZh", code: "INVALID_VALUE" },
      { row: 3, column: "address", code: "INVALID_VALUE" },
    ]);
    expect(report).toMatchObject({ written: 0, invalidRows: 2 });
  });

  it("all-or-nothing (xlsx, raw upload): the 3 bad rows stop the whole file", async () => {
    const { db } = getDb();
    const before = await orgCount(db);
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/imports/upload?entity=orgs&format=xlsx&mode=all-or-nothing",
      headers: {
        cookie: operator.cookie,
        "x-csrf-token": operator.csrf,
        "content-type": "application/octet-stream",
      },
      payload: await toXlsx(fixture.header, fixture.rows),
    });
    expect(res.statusCode).toBe(200);
    const report: ImportReport = res.json();
    expect(brief(report)).toEqual(fixture.expectedIssues);
    expect(report).toMatchObject({ validRows: 97, written: 0, committed: false, createdIds: [] });
    expect(await orgCount(db)).toBe(before);
  });

  it("valid-rows writes the 97 good rows in one go, audited, and a second run finds them registered", async () => {
    const { db } = getDb();
    const before = await orgCount(db);
    const file = toCsv(fixture.header, fixture.rows);
    const res = await importJson(app, operator, { entity: "orgs", format: "csv", mode: "valid-rows" }, file);
    const report: ImportReport = res.json();
    expect(report).toMatchObject({ written: 97, committed: true });
    expect(brief(report)).toEqual(fixture.expectedIssues);
    expect(await orgCount(db)).toBe(before + 97);
    const audited = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "org.import"));
    expect(Number(audited[0].n)).toBe(97);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.entityId, report.createdIds[0]));
    expect(entry).toMatchObject({ action: "org.import", actorUserId: "user-demo-operator", before: null });
    expect(entry.after).toMatchObject({ nameZh: fixture.rows[0][2], uscc: fixture.rows[0][0] });
    const [one] = await db
      .select()
      .from(orgs)
      .where(inArray(orgs.id, report.createdIds.slice(0, 1)));
    expect(one.products).toEqual([
      { zh: "功率电感", en: "Power inductor" },
      { zh: '共模电感, "车规级"', en: "Common-mode choke" },
    ]);

    const again: ImportReport = (
      await importJson(app, operator, { entity: "orgs", format: "csv", mode: "valid-rows" }, file)
    ).json();
    expect(again.written).toBe(0);
    expect(again.issues.filter((i) => i.code === "ALREADY_EXISTS")).toHaveLength(97);
  });

  it("only the operator imports organisations", async () => {
    const res = await importJson(
      app,
      firmAdmin,
      { entity: "orgs", format: "csv", dryRun: true },
      toCsv(fixture.header, fixture.rows),
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("FORBIDDEN");
  });

  it("a firm imports its own relations; rows between others, to itself or to unknown orgs are reported", async () => {
    const { db } = getDb();
    const rel = relationImportFixture(usccOf(FIRM_A_KEY), [
      usccOf("org-uni-zjxu"),
      usccOf("org-svc-testing"),
      usccOf("org-inst-zju-jx"),
    ]);
    const file = await toXlsx(rel.header, rel.rows);
    const dry: ImportReport = (
      await importJson(app, firmAdmin, { entity: "relations", format: "xlsx", dryRun: true }, file)
    ).json();
    expect(brief(dry)).toEqual(rel.expectedIssues);
    expect(dry.validRows).toBe(2);

    const real: ImportReport = (
      await importJson(app, firmAdmin, { entity: "relations", format: "xlsx", mode: "valid-rows" }, file)
    ).json();
    expect(real.written).toBe(2);
    const written = await db.select().from(relations).where(inArray(relations.id, real.createdIds));
    expect(written.map((r) => [r.orgId, r.volumeBand, r.nodeId])).toEqual([
      [FIRM_A_KEY, "1m-10m", "power-inductor"],
      [FIRM_A_KEY, "1m-10m", "sendust-core"],
    ]);
  });

  it("rejects unreadable files with a typed 400 that says where", async () => {
    const xlsx = await toXlsx(fixture.header, fixture.rows);
    const wrongFormat = await importJson(
      app,
      operator,
      { entity: "orgs", format: "csv", dryRun: true },
      xlsx,
    );
    expect(wrongFormat.statusCode).toBe(400);
    expect(wrongFormat.json().error.message).toMatch(/xlsx/);
    const broken = await importJson(
      app,
      operator,
      { entity: "orgs", format: "csv", dryRun: true },
      Buffer.from('kind,nameZh\n"企业,x\n'),
    );
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.details[0].path).toBe("row 2, column 1");
    const notXlsx = await importJson(
      app,
      operator,
      { entity: "orgs", format: "xlsx", dryRun: true },
      Buffer.from("hello"),
    );
    expect(notXlsx.statusCode).toBe(400);
    const missing = await importJson(
      app,
      operator,
      { entity: "orgs", format: "csv", dryRun: true },
      Buffer.from("foo\n1\n"),
    );
    expect(brief(missing.json())).toEqual([
      { row: 1, column: "kind", code: "MISSING_COLUMN" },
      { row: 1, column: "nameZh", code: "MISSING_COLUMN" },
      { row: 1, column: "nameEn", code: "MISSING_COLUMN" },
    ]);
  });

  it("exports the directory in the import layout (re-importing it finds every org registered)", async () => {
    const { db } = getDb();
    const res = await app.inject({
      method: "GET",
      url: "/api/v1/exports/directory",
      headers: { cookie: firmAdmin.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const total = await orgCount(db);
    const sheet = workbook.worksheets[0];
    expect(sheet.actualRowCount).toBe(total + 1);
    // Public profile fields only: no contact person, phone or e-mail of anyone (those need a grant).
    const text: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => text.push(String(cell.value))));
    const privateValues = demo.orgs.flatMap((o) => [o.contactEmail, o.contactPhone]);
    expect(text.filter((t) => privateValues.includes(t))).toEqual([]);
    expect(text.join(" ")).not.toMatch(/contact@|0573-8/);

    const round: ImportReport = (
      await importJson(app, operator, { entity: "orgs", format: "xlsx", dryRun: true }, res.rawPayload)
    ).json();
    expect(round.totalRows).toBe(total);
    // Every row is already registered; the operator's row also has a kind imports may not create.
    expect(round.issues.filter((i) => i.code === "ALREADY_EXISTS" && i.column === "uscc")).toHaveLength(
      total,
    );
    expect(round.issues.filter((i) => i.code !== "ALREADY_EXISTS")).toEqual([
      expect.objectContaining({ column: "kind", code: "INVALID_VALUE" }),
    ]);
  });

  it("exports one's own organisation with its relations and indicators", async () => {
    const res = await app.inject({
      method: "GET",
      url: "/api/v1/exports/my-org",
      headers: { cookie: firmAdmin.cookie },
    });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const [profile, rels, years] = workbook.worksheets;
    expect(profile.getRow(2).getCell(3).value).toBe(demo.orgs.find((o) => o.key === FIRM_A_KEY)!.nameZh);
    const own = demo.relations.filter(
      (r) => r.supplierKey === FIRM_A_KEY || r.customerKey === FIRM_A_KEY,
    ).length;
    expect(rels.actualRowCount - 1).toBe(own + 2); // + the two imported above
    expect(years.actualRowCount - 1).toBe(5);
    const anonymous = await app.inject({ method: "GET", url: "/api/v1/exports/my-org" });
    expect(anonymous.statusCode).toBe(401);
  });
});
