import type { ImportHistoryPage, ImportReport } from "@clusterbrain/contracts";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { toCsv } from "./fixtures/import-fixtures.ts";

async function workbookOf(payload: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ExcelJS.Buffer);
  return workbook;
}

describeEachDatabase(
  "imports like Odoo's: templates, history per org, downloadable error report",
  (getDb) => {
    let app: FastifyInstance;
    let op: Session;
    beforeAll(async () => {
      await seedCluster(getDb().db);
      app = await testApp(getDb().db);
      op = await login(app, EMAILS.opAdmin);
    });
    afterAll(() => app.close());

    it("the template workbook has the header, example rows that pass a dry run, the chain-node list and notes", async () => {
      for (const lang of ["zh", "en"] as const) {
        const res = await call(app, op, "GET", `/api/v1/imports/templates/orgs/xlsx?lang=${lang}`);
        expect(res.statusCode).toBe(200);
        const wb = await workbookOf(res.rawPayload);
        expect(wb.worksheets.map((s) => s.name)).toEqual(
          lang === "zh" ? ["模板", "产业链环节代码", "填写说明"] : ["Template", "Chain node codes", "Notes"],
        );
        expect(wb.worksheets[0].getRow(1).getCell(1).value).toBe(
          lang === "zh" ? "统一社会信用代码 (uscc)" : "Unified social credit code (uscc)",
        );
        expect(wb.worksheets[1].actualRowCount - 1).toBe(3); // the fixture cluster's three chain nodes
        // The example rows import cleanly as they are.
        const dry: ImportReport = (
          await call(app, op, "POST", "/api/v1/imports", {
            entity: "orgs",
            format: "xlsx",
            dryRun: true,
            fileName: `template-${lang}.xlsx`,
            contentBase64: res.rawPayload.toString("base64"),
          })
        ).json();
        expect(dry.totalRows).toBe(2);
        expect(dry.issues).toEqual([]);
        expect(dry.validRows).toBe(2);
      }
    });

    it("every run is in the organisation's history; its error report downloads as .xlsx in the language", async () => {
      const file = toCsv(
        ["kind", "nameZh", "nameEn", "uscc"],
        [["enterprise", "坏代码", "Bad code", "9133040"]],
      );
      const report: ImportReport = (
        await call(app, op, "POST", "/api/v1/imports", {
          entity: "orgs",
          format: "csv",
          dryRun: true,
          fileName: "bad.csv",
          contentBase64: file.toString("base64"),
        })
      ).json();
      expect(report.historyId).toEqual(expect.any(String));
      const history: ImportHistoryPage = (await call(app, op, "GET", "/api/v1/imports/history")).json();
      expect(history.total).toBe(3);
      expect(history.items[0]).toMatchObject({
        id: report.historyId,
        fileName: "bad.csv",
        dryRun: true,
        totalRows: 1,
        invalidRows: 1,
        issueCount: report.issues.length,
      });
      expect(history.items[0].userName).toEqual(expect.any(String));

      for (const [lang, column] of [
        ["zh", "统一社会信用代码 (uscc)"],
        ["en", "Unified social credit code (uscc)"],
      ] as const) {
        const res = await call(
          app,
          op,
          "GET",
          `/api/v1/imports/history/${report.historyId}/report?lang=${lang}`,
        );
        expect(res.statusCode).toBe(200);
        const sheet = (await workbookOf(res.rawPayload)).worksheets[0];
        expect(sheet.actualRowCount - 1).toBe(report.issues.length);
        expect(sheet.getRow(2).getCell(1).value).toBe(2);
        expect(sheet.getRow(2).getCell(2).value).toBe(column);
        const problem = String(sheet.getRow(2).getCell(4).value);
        expect(problem).toMatch(lang === "zh" ? /^应为 18 位/ : /^must be 18 characters/);
      }

      // Another organisation neither sees this history nor its report.
      const other = await login(app, EMAILS.aOwner);
      const theirs: ImportHistoryPage = (await call(app, other, "GET", "/api/v1/imports/history")).json();
      expect(theirs.items.map((i) => i.id)).not.toContain(report.historyId);
      expect(
        (await call(app, other, "GET", `/api/v1/imports/history/${report.historyId}/report`)).statusCode,
      ).toBe(404);
      const viewer = await login(app, EMAILS.aViewer);
      expect((await call(app, viewer, "GET", "/api/v1/imports/history")).statusCode).toBe(403);
    });
  },
);
