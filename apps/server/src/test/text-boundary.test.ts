import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "./fixtures.ts";
import { describeEachDatabase } from "./test-database.ts";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
interface Case {
  method: Method;
  url: string;
  body?: unknown;
  /** The field the 400 must name. */
  field: string;
}

const NUL = "\u0000";
const year = {
  year: 2024,
  revenue: 1,
  rdSpend: 1,
  employees: 1,
  patents: 0,
  energyUse: 1,
  exports: 0,
  fixedAssets: 1,
  profit: 0,
};

/**
 * Each of these answered 500 once (found by outside checks): U+0000 reached PostgreSQL, which
 * cannot store it. Every one must now be a 400 that names the field, before any query runs.
 */
const CASES: Case[] = [
  { method: "GET", url: "/api/v1/orgs/a%00b", field: "id" },
  { method: "PATCH", url: "/api/v1/orgs/%00", body: { nameZh: "x" }, field: "id" },
  { method: "GET", url: "/api/v1/orgs/%00/members", field: "id" },
  { method: "GET", url: "/api/v1/orgs?industry=%00", field: "industry" },
  { method: "GET", url: "/api/v1/orgs?q=a%00", field: "q" },
  { method: "GET", url: "/api/v1/orgs?district=%00", field: "district" },
  { method: "GET", url: "/api/v1/orgs?chainNode=%00", field: "chainNode" },
  { method: "DELETE", url: "/api/v1/members/%00", field: "id" },
  { method: "PATCH", url: "/api/v1/members/%00", body: { role: "member" }, field: "id" },
  {
    method: "POST",
    url: "/api/v1/members",
    body: { email: "nul@a.test", displayName: NUL, role: "member", password: "long enough pw" },
    field: "displayName",
  },
  {
    method: "POST",
    url: "/api/v1/members",
    body: { email: "nul2@a.test", displayName: "ok", role: "member", password: `long enough${NUL}` },
    field: "password",
  },
  {
    method: "POST",
    url: "/api/v1/relations",
    body: { supplierOrgId: IDS.a, customerOrgId: `${IDS.c}${NUL}`, product: "x", volumeBand: "lt1m" },
    field: "customerOrgId",
  },
  {
    method: "POST",
    url: "/api/v1/relations",
    body: { supplierOrgId: IDS.a, customerOrgId: IDS.c, product: `ferrite${NUL}`, volumeBand: "lt1m" },
    field: "product",
  },
  { method: "GET", url: "/api/v1/orgs/%00/relations", field: "id" },
  { method: "DELETE", url: "/api/v1/relations/%00", field: "id" },
  { method: "POST", url: "/api/v1/auth/tokens", body: { name: NUL }, field: "name" },
  { method: "DELETE", url: "/api/v1/auth/tokens/%00", field: "id" },
  { method: "GET", url: "/api/v1/orgs/%00/indicators", field: "id" },
  { method: "PUT", url: "/api/v1/orgs/%00/indicators", body: year, field: "id" },
  {
    method: "POST",
    url: "/api/v1/grants",
    body: { granteeOrgId: IDS.c, dataClass: "indicators", purpose: NUL, expiresAt: "2099-01-01T00:00:00Z" },
    field: "purpose",
  },
  { method: "POST", url: "/api/v1/grants/%00/revoke", field: "id" },
  { method: "GET", url: "/api/v1/chain/nodes/%00/orgs", field: "id" },
  { method: "GET", url: "/api/v1/audit?action=%00", field: "action" },
  { method: "GET", url: "/api/v1/audit?orgId=%00", field: "orgId" },
  // Year 0000 is ISO and JavaScript but not PostgreSQL; a token born expired is refused like a grant.
  {
    method: "POST",
    url: "/api/v1/auth/tokens",
    body: { name: "t", expiresAt: "0000-02-29T00:21:45Z" },
    field: "expiresAt",
  },
  {
    method: "POST",
    url: "/api/v1/auth/tokens",
    body: { name: "t", expiresAt: "2001-02-28T00:00:00Z" },
    field: "expiresAt",
  },
  {
    method: "POST",
    url: "/api/v1/grants",
    body: { granteeOrgId: IDS.c, dataClass: "relations", purpose: "p", expiresAt: "0000-02-29T00:00:00Z" },
    field: "expiresAt",
  },
];

describeEachDatabase(
  "text at the boundary: controls and lone surrogates are a 400 naming the field",
  (getDb) => {
    let app: FastifyInstance;
    let owner: Session;
    beforeAll(async () => {
      await seedCluster(getDb().db);
      app = await testApp(getDb().db);
      owner = await login(app, EMAILS.aOwner);
    });
    afterAll(() => app.close());

    for (const c of CASES) {
      it(`${c.method} ${c.url} ${c.body ? JSON.stringify(c.body) : ""}`, async () => {
        const res = await call(app, owner, c.method, c.url, c.body);
        expect(res.statusCode, res.body).toBe(400);
        const { error } = res.json();
        expect(error.code).toBe("VALIDATION_FAILED");
        expect(error.message).toContain(c.field);
        expect(error.details).toContainEqual(expect.objectContaining({ path: c.field }));
      });
    }

    it("a lone surrogate in a body string is refused, not stored as U+FFFD", async () => {
      // JSON can carry an unpaired \ud800 escape; JSON.stringify writes it as such.
      const res = await call(app, owner, "PATCH", `/api/v1/orgs/${IDS.a}`, { nameEn: "Alpha \ud800" });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain("nameEn");
    });

    it("names arrive NFC-normalised: a decomposed é is stored composed", async () => {
      const res = await call(app, owner, "PATCH", `/api/v1/orgs/${IDS.a}`, { nameEn: "Alpha Cafe\u0301" });
      expect(res.statusCode).toBe(200);
      expect(res.json().nameEn).toBe("Alpha Caf\u00e9");
    });

    it("multiline fields keep tab and newline; single-line fields refuse them", async () => {
      const ok = await call(app, owner, "PATCH", `/api/v1/orgs/${IDS.a}`, {
        descriptionEn: "line 1\n\tline 2",
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().descriptionEn).toBe("line 1\n\tline 2");
      const bad = await call(app, owner, "PATCH", `/api/v1/orgs/${IDS.a}`, { nameEn: "two\nlines" });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toContain("nameEn");
    });
  },
);
