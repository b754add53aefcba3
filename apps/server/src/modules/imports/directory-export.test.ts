import type { ImportReport, OrgSearchResponse } from "@clusterbrain/contracts";
import { generateDemoCluster } from "@clusterbrain/demo";
import { readCsv } from "@clusterbrain/engine/shared";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import { loadDemoCluster } from "../../demo/demo.loader.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { authModule } from "../auth/auth.routes.ts";
import { orgModule } from "../orgs/org.routes.ts";
import { toCsv as fixtureCsv } from "./fixtures/import-fixtures.ts";
import { importsModule } from "./imports.routes.ts";
import { csvCell } from "./sheet.writer.ts";

const demo = generateDemoCluster();
const password = (persona: string) => demo.users.find((u) => u.persona === persona)!.password;
const HAN = /\p{Script=Han}/u;

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

async function sheetRows(payload: Buffer): Promise<ExcelJS.Row[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ExcelJS.Buffer);
  const rows: ExcelJS.Row[] = [];
  workbook.worksheets[0].eachRow((row) => rows.push(row));
  return rows;
}

const text = (row: ExcelJS.Row, i: number) => String(row.getCell(i).value ?? "");

/** Records of a CSV answer through the one CSV reader, blank lines dropped (the file ends with CRLF). */
const parse = (csv: string): string[][] => readCsv(csv).filter((r) => r.some((c) => c !== ""));

describe("csvCell (OWASP CSV injection)", () => {
  it("prefixes = + - @ tab and CR with an apostrophe and quotes what needs quoting", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+86 573")).toBe("'+86 573");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=cmd")).toBe("'\t=cmd");
    expect(csvCell("\r=cmd")).toBe('"\'\r=cmd"');
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell("嘉兴, 南湖")).toBe('"嘉兴, 南湖"');
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(-2)).toBe("-2");
  });
});

describeEachDatabase("the directory export follows the view", (getDb) => {
  let app: FastifyInstance;
  let operator: Session;

  beforeAll(async () => {
    const { db } = getDb();
    await loadDemoCluster(db);
    app = await buildApp({
      db,
      sessionSecret: "x".repeat(40),
      logLevel: "silent",
      modules: [authModule, orgModule, importsModule],
    });
    operator = await login(app, "operator");
  });

  const get = (url: string) => app.inject({ method: "GET", url, headers: { cookie: operator.cookie } });

  it("search 电感 sorted by name: the export holds exactly the screen's hits, in the screen's order", async () => {
    const q = encodeURIComponent("电感");
    const screen: OrgSearchResponse = (await get(`/api/v1/orgs?q=${q}&sort=name&pageSize=100`)).json();
    expect(screen.total).toBeGreaterThan(20);
    expect(screen.total).toBeLessThan(demo.orgs.length);
    const res = await get(`/api/v1/exports/directory?q=${q}&sort=name`);
    expect(res.statusCode).toBe(200);
    const rows = await sheetRows(res.rawPayload);
    expect(rows.length - 1).toBe(screen.total);
    expect(rows.slice(1).map((r) => text(r, 3))).toEqual(screen.items.map((o) => o.nameZh));
  });

  it("filters by kind and district, and writes labels (not codes) in the chosen language", async () => {
    const district = encodeURIComponent("南湖区");
    const screen: OrgSearchResponse = (
      await get(`/api/v1/orgs?kind=enterprise&district=${district}&pageSize=100`)
    ).json();
    expect(screen.total).toBeGreaterThan(0);

    const zh = await sheetRows(
      (await get(`/api/v1/exports/directory?kind=enterprise&district=${district}`)).rawPayload,
    );
    expect(zh.length - 1).toBe(screen.total);
    expect(text(zh[0], 2)).toBe("组织类型 (kind)");
    expect(new Set(zh.slice(1).map((r) => text(r, 2)))).toEqual(new Set(["企业"]));
    expect(new Set(zh.slice(1).map((r) => text(r, 5)))).toEqual(new Set(["南湖区"]));
    expect(zh.slice(1).every((r) => ["微型", "小型", "中型", "大型"].includes(text(r, 8)))).toBe(true);

    const en = await sheetRows(
      (await get(`/api/v1/exports/directory?kind=enterprise&district=${district}&lang=en`)).rawPayload,
    );
    expect(en.length - 1).toBe(screen.total);
    expect(text(en[0], 2)).toBe("Kind (kind)");
    expect(new Set(en.slice(1).map((r) => text(r, 2)))).toEqual(new Set(["Enterprise"]));
    expect(new Set(en.slice(1).map((r) => text(r, 5)))).toEqual(new Set(["Nanhu District"]));
    expect(en.slice(1).every((r) => ["Micro", "Small", "Medium", "Large"].includes(text(r, 8)))).toBe(true);
    // Chain nodes by English name; the only Chinese left is the Chinese-name column and products.
    expect(
      en
        .slice(1)
        .map((r) => text(r, 12))
        .join(" "),
    ).not.toMatch(HAN);
  });

  it("CSV follows the same query: UTF-8 with BOM, one line per hit, labels in the language", async () => {
    const q = encodeURIComponent("电感");
    const screen: OrgSearchResponse = (await get(`/api/v1/orgs?q=${q}&pageSize=10`)).json();
    const res = await get(`/api/v1/exports/directory?q=${q}&format=csv&lang=en`);
    expect(res.headers["content-type"]).toMatch(/text\/csv/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records: string[][] = parse(res.rawPayload.toString("utf8").slice(1));
    expect(records.length - 1).toBe(screen.total);
    expect(records[0][1]).toBe("Kind (kind)");
  });

  it("a firm named =1+1 is imported with a warning and round-trips through the export as text, never a formula", async () => {
    const header = ["kind", "nameZh", "nameEn", "uscc"];
    const file = fixtureCsv(header, [
      ["service", "=1+1", '=HYPERLINK("http://evil.example","click")', ""],
      ["service", "普通服务机构", "Plain service body", ""],
    ]);
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/imports",
      headers: { cookie: operator.cookie, "x-csrf-token": operator.csrf },
      payload: {
        entity: "orgs",
        format: "csv",
        mode: "all-or-nothing",
        contentBase64: file.toString("base64"),
      },
    });
    expect(res.statusCode).toBe(200);
    const report: ImportReport = res.json();
    // Warned per row and column, but not refused: the value is kept as plain text.
    expect(report.issues.map(({ row, column, code, severity }) => ({ row, column, code, severity }))).toEqual(
      [
        { row: 2, column: "nameZh", code: "FORMULA_LIKE", severity: "warning" },
        { row: 2, column: "nameEn", code: "FORMULA_LIKE", severity: "warning" },
      ],
    );
    expect(report.issues[0]).toMatchObject({ key: "import.formula", params: { value: "=1+1" } });
    expect(report.committed).toBe(true);
    expect(report.written).toBe(2);

    // "=1+1" as a query segments into digits that many names hold; the English name is unique.
    const q = "hyperlink";
    const xlsx = await sheetRows((await get(`/api/v1/exports/directory?q=${q}`)).rawPayload);
    expect(xlsx).toHaveLength(2);
    const cell = xlsx[1].getCell(3);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe("=1+1");
    expect(cell.formula).toBeUndefined();
    expect(cell.numFmt).toBe("@");

    const csv = (await get(`/api/v1/exports/directory?q=${q}&format=csv`)).rawPayload.toString("utf8");
    const [, row] = parse(csv.slice(1)) as string[][];
    expect(row[2]).toBe("'=1+1");
    expect(row[3]).toBe('\'=HYPERLINK("http://evil.example","click")');

    // Importing the exported CSV again reads '=1+1 back as =1+1 (and warns again).
    const again: ImportReport = (
      await app.inject({
        method: "POST",
        url: "/api/v1/imports",
        headers: { cookie: operator.cookie, "x-csrf-token": operator.csrf },
        payload: {
          entity: "orgs",
          format: "csv",
          dryRun: true,
          contentBase64: Buffer.from(csv).toString("base64"),
        },
      })
    ).json();
    expect(again.issues.filter((i) => i.code === "FORMULA_LIKE").map((i) => i.params?.value)).toEqual([
      "=1+1",
      '=HYPERLINK("http://evil.example","click")',
    ]);
  });
});
