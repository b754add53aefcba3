import type { AuditEntry, AuditPage } from "@clusterbrain/contracts";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { dayRange } from "./audit.service.ts";

/** Late on 4 March and just after midnight on 5 March, cluster time (UTC+8). */
const LATE_4TH = new Date("2026-03-04T23:30:00+08:00");
const EARLY_5TH = new Date("2026-03-05T00:30:00+08:00");

it("a day range is whole local days in UTC+8, both ends inclusive", () => {
  expect(dayRange("2026-03-05", "2026-03-05")).toEqual({
    from: new Date("2026-03-04T16:00:00Z"),
    until: new Date("2026-03-05T16:00:00Z"),
  });
  expect(dayRange()).toEqual({ from: undefined, until: undefined });
});

describeEachDatabase("the audit log for people: names, readable actions, date range, export", (getDb) => {
  let app: FastifyInstance;
  let clock = LATE_4TH;
  let owner: Session;
  let op: Session;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db, { now: () => clock });
    owner = await login(app, EMAILS.aOwner);
    op = await login(app, EMAILS.opAdmin);
    clock = LATE_4TH;
    expect((await call(app, owner, "PATCH", `/api/v1/orgs/${IDS.a}`, { address: "4th" })).statusCode).toBe(
      200,
    );
    clock = EARLY_5TH;
    expect((await call(app, owner, "PATCH", `/api/v1/orgs/${IDS.a}`, { address: "5th" })).statusCode).toBe(
      200,
    );
  });
  afterAll(() => app.close());

  const page = async (s: Session, query: string): Promise<AuditPage> =>
    (await call(app, s, "GET", `/api/v1/audit?action=org.update${query}`)).json();

  it("entries carry the user's and the organisations' names, not only ids", async () => {
    const { items } = await page(owner, "");
    const entry = items[0];
    expect(entry).toMatchObject({ orgId: IDS.a, actorOrgId: IDS.a, actorEmail: EMAILS.aOwner });
    expect(entry.actorName).toEqual(expect.any(String));
    expect(entry.actorName).not.toBe("");
    expect(entry.orgNameZh).toEqual(expect.any(String));
    expect(entry.orgNameEn).toEqual(expect.any(String));
    expect(entry.actorOrgNameEn).toBe(entry.orgNameEn);
  });

  it("the date range keeps whole local days: 4 March holds the 23:30 edit, 5 March the 00:30 one", async () => {
    const at = (p: AuditPage) => p.items.map((e: AuditEntry) => e.after);
    expect(at(await page(owner, "&from=2026-03-04&to=2026-03-04"))).toEqual([{ address: "4th" }]);
    expect(at(await page(owner, "&from=2026-03-05&to=2026-03-05"))).toEqual([{ address: "5th" }]);
    expect(at(await page(owner, "&from=2026-03-04&to=2026-03-05"))).toEqual([
      { address: "5th" },
      { address: "4th" },
    ]);
    expect((await page(owner, "&from=2026-03-06")).total).toBe(0);
    expect((await call(app, owner, "GET", "/api/v1/audit?from=5.3.2026")).statusCode).toBe(400);
  });

  it("the export holds what the filters select, with readable action names and names in the language", async () => {
    const screen = await page(op, `&orgId=${IDS.a}&from=2026-03-05&to=2026-03-05`);
    for (const [lang, action, header] of [
      ["zh", "修改组织资料", "时间"],
      ["en", "Organisation profile edited", "Time"],
    ] as const) {
      const res = await call(
        app,
        op,
        "GET",
        `/api/v1/audit/export?action=org.update&orgId=${IDS.a}&from=2026-03-05&to=2026-03-05&lang=${lang}`,
      );
      expect(res.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
      const sheet = workbook.worksheets[0];
      expect(sheet.actualRowCount - 1).toBe(screen.total);
      expect(sheet.getRow(1).getCell(1).value).toBe(header);
      const row = sheet.getRow(2);
      expect(row.getCell(1).value).toBe("2026-03-05 00:30:00");
      expect(String(row.getCell(2).value)).toContain(EMAILS.aOwner);
      expect(row.getCell(4).value).toBe(action);
      expect(row.getCell(5).value).toBe(
        lang === "en" ? screen.items[0].orgNameEn : screen.items[0].orgNameZh,
      );
      expect(row.getCell(7).value).toBe("address");
    }
    // A member may not read the log, nor export it.
    const member = await login(app, EMAILS.aMember);
    expect((await call(app, member, "GET", "/api/v1/audit/export")).statusCode).toBe(403);
  });
});
