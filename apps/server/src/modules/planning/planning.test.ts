import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { auditLog } from "../../db/schema/index.ts";
import { call, EMAILS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";

const API = "/api/v1/planning";

/** Fills the downloaded template's first sheet with `rows` (cells in template column order). */
async function filled(template: Buffer, rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
}

function monthly(start: number, n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const y = 2023 + Math.floor((start + i) / 12);
    const m = ((start + i) % 12) + 1;
    return `${y}-${String(m).padStart(2, "0")}-01`;
  });
}

describeEachDatabase("planning workspace: master data, import, forecast, MRP", (getDb) => {
  let app: FastifyInstance;
  let owner: Session;
  const clock = new Date("2026-05-01T08:00:00Z");
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db, { now: () => clock });
    owner = await login(app, EMAILS.aOwner);
  });
  afterAll(() => app.close());

  const save = (s: Session, entity: string, data: object) =>
    call(app, s, "POST", `${API}/records`, { entity, data });
  const template = async (entity: string) => {
    const res = await call(app, owner, "GET", `${API}/templates/${entity}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    return res.rawPayload;
  };

  it("imports items from the template, reporting every bad row and column; all-or-nothing writes none", async () => {
    const content = await filled(await template("items"), [
      ["IMP-1", "Good item", "pcs", 14, "fixed", 500, null, 10],
      ["IMP-2", "", "pcs", "two weeks", "lot-for-lot", null, null, null],
      ["IMP-3", "Bad rule", "pcs", 7, "weekly", null, null, -5],
      ["IMP-1", "Duplicate", "pcs", 7, null, null, null, null],
      ["IMP-4", "Fixed without lot", "pcs", 7, "fixed", null, null, null],
    ]);
    const res = await call(app, owner, "POST", `${API}/imports`, { entity: "items", contentBase64: content });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({
      totalRows: 5,
      validRows: 1,
      invalidRows: 4,
      written: 0,
      committed: false,
    });
    const cells = report.issues.map(
      (i: { row: number; column: string; code: string }) => `${i.row}:${i.column}:${i.code}`,
    );
    expect(cells).toEqual([
      "3:name:REQUIRED",
      "3:leadTimeDays:INVALID_VALUE",
      "4:lotRule:INVALID_VALUE",
      "4:safetyStock:INVALID_VALUE",
      "5:code:DUPLICATE_IN_FILE",
      "6:lotQuantity:INVALID_VALUE",
    ]);
    expect((await call(app, owner, "GET", `${API}/records?entity=items`)).json().items).toEqual([]);

    const partial = await call(app, owner, "POST", `${API}/imports`, {
      entity: "items",
      contentBase64: content,
      mode: "valid-rows",
    });
    expect(partial.json()).toMatchObject({ written: 1, committed: true });
    const items = (await call(app, owner, "GET", `${API}/records?entity=items`)).json().items;
    expect(items).toEqual([
      expect.objectContaining({ key: "IMP-1", data: expect.objectContaining({ lotQuantity: 500 }) }),
    ]);
  });

  it("a missing required column is reported on the header; unknown items in a BOM are reported by cell", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("bom").addRow(["parent", "qtyPer"]);
    const noComponent = Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
    const header = (
      await call(app, owner, "POST", `${API}/imports`, { entity: "bom", contentBase64: noComponent })
    ).json();
    expect(header.issues).toEqual([
      expect.objectContaining({ row: 1, column: "component", code: "MISSING_COLUMN" }),
    ]);

    const content = await filled(await template("bom"), [["IMP-1", "NOPE-9", 2, "1", "2024-01-01", null]]);
    const report = (
      await call(app, owner, "POST", `${API}/imports`, { entity: "bom", contentBase64: content })
    ).json();
    expect(report.issues).toEqual([
      expect.objectContaining({ row: 2, column: "component", code: "INVALID_VALUE" }),
    ]);
  });

  it("CRUD: save replaces by key, unknown references are 400, viewers cannot write, other firms see nothing", async () => {
    const first = await save(owner, "items", { code: "CRUD-1", name: "One", unit: "pcs", leadTimeDays: 3 });
    expect(first.statusCode, first.body).toBe(200);
    const again = await save(owner, "items", {
      code: "CRUD-1",
      name: "One v2",
      unit: "pcs",
      leadTimeDays: 5,
    });
    expect(again.json()).toMatchObject({ id: first.json().id, data: { name: "One v2", leadTimeDays: 5 } });
    const badRef = await save(owner, "stock", { item: "GHOST", quantity: 5 });
    expect(badRef.statusCode).toBe(400);
    const badBody = await save(owner, "items", { code: "X", name: "x", unit: "pcs", leadTimeDays: -1 });
    expect(badBody.statusCode).toBe(400);
    expect(badBody.json().error.code).toBe("VALIDATION_FAILED");

    const viewer = await login(app, EMAILS.aViewer);
    expect(
      (await save(viewer, "items", { code: "V-1", name: "v", unit: "pcs", leadTimeDays: 1 })).statusCode,
    ).toBe(403);
    expect(
      (await call(app, viewer, "GET", `${API}/records?entity=items`)).json().items.length,
    ).toBeGreaterThan(0);

    const b = await login(app, EMAILS.bOwner);
    expect((await call(app, b, "GET", `${API}/records?entity=items`)).json().items).toEqual([]);
    expect((await call(app, b, "DELETE", `${API}/records/${first.json().id}`)).statusCode).toBe(404);
    expect((await call(app, b, "GET", `${API}/forecast/CRUD-1`)).statusCode).toBe(404);
    const exported = await call(app, b, "GET", `${API}/exports/items`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBe(1);

    expect((await call(app, owner, "DELETE", `${API}/records/${first.json().id}`)).statusCode).toBe(200);
    expect((await call(app, owner, "DELETE", `${API}/records/${first.json().id}`)).statusCode).toBe(404);
  });

  it("the forecast takes its season from the history's dates: monthly → 12, daily → 7; overrides are audited", async () => {
    // The same values, once stamped monthly and once daily: only the dates differ.
    const values = Array.from(
      { length: 36 },
      (_, i) => 1000 + 300 * Math.sin((2 * Math.PI * i) / 12) + (i % 5) * 7,
    );
    await save(owner, "items", { code: "FC-M", name: "monthly", unit: "pcs", leadTimeDays: 10 });
    await save(owner, "items", { code: "FC-D", name: "daily", unit: "pcs", leadTimeDays: 10 });
    const months = monthly(0, 36);
    for (let i = 0; i < 36; i++) {
      await save(owner, "demand", { item: "FC-M", periodDate: months[i], quantity: Math.round(values[i]) });
      const day = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
      await save(owner, "demand", { item: "FC-D", periodDate: day, quantity: Math.round(values[i]) });
    }
    const m = (await call(app, owner, "GET", `${API}/forecast/FC-M?horizon=6`)).json();
    expect(m.season).toMatchObject({ source: "timestamps", periods: [12] });
    expect(m.forecast.map((p: { date: string }) => p.date)).toEqual(monthly(36, 6));
    for (const p of m.forecast) {
      expect(p.lower95).toBeLessThanOrEqual(p.lower80);
      expect(p.lower80).toBeLessThanOrEqual(p.mean);
      expect(p.mean).toBeLessThanOrEqual(p.upper80);
      expect(p.upper80).toBeLessThanOrEqual(p.upper95);
    }
    expect(m.accuracy.holdout).toBe(6);
    expect(m.accuracy.smape).toBeGreaterThanOrEqual(0);
    expect(m.accuracy.smape).toBeLessThan(30);
    const d = (await call(app, owner, "GET", `${API}/forecast/FC-D?horizon=6`)).json();
    expect(d.season.source).toBe("timestamps");
    expect(d.season.periods[0]).toBe(7);

    const put = await call(app, owner, "PUT", `${API}/forecast/FC-M/overrides`, {
      periodDate: months[0].replace("2023", "2026"),
      quantity: 4242,
      reason: "trade fair",
    });
    expect(put.statusCode, put.body).toBe(200);
    const after = (await call(app, owner, "GET", `${API}/forecast/FC-M?horizon=6`)).json();
    expect(after.forecast[0]).toMatchObject({ override: 4242, plan: 4242 });
    const audits = await getDb()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, owner.orgId), eq(auditLog.action, "planning.forecast.override")));
    expect(audits).toHaveLength(1);
    expect(audits[0].after).toMatchObject({ item: "FC-M", quantity: 4242, reason: "trade fair" });
    const viewer = await login(app, EMAILS.aViewer);
    expect(
      (
        await call(app, viewer, "PUT", `${API}/forecast/FC-M/overrides`, {
          periodDate: "2026-01-01",
          quantity: 1,
        })
      ).statusCode,
    ).toBe(403);
  });
});
