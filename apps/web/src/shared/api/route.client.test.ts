import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ClientInput, routeTable } from "@clusterbrain/contracts";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./api-error.ts";
import { api, downloads } from "./endpoints.ts";
import { setCsrfToken } from "./http.client.ts";
import { callRoute } from "./route.client.ts";

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** Replaces fetch with one answer and records what was sent. */
function answer(status: number, body: unknown): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    sent.push({
      url,
      method: String(init.method),
      headers: Object.fromEntries(Object.entries(init.headers ?? {})),
      body: typeof init.body === "string" ? init.body : undefined,
    });
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  });
  return sent;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe("route client", () => {
  it("builds the URL from the declared path and encoded params, and parses the answer", async () => {
    const sent = answer(200, { entity: "orgs", columns: [] });
    const template = await api.imports.template("orgs");
    expect(template).toEqual({ entity: "orgs", columns: [] });
    expect(sent[0]).toMatchObject({ url: "/api/v1/imports/templates/orgs", method: "GET", body: undefined });

    const del = answer(200, { ok: true });
    setCsrfToken("t0k");
    await api.members.remove("u/1 x");
    expect(del[0]).toMatchObject({ url: "/api/v1/members/u%2F1%20x", method: "DELETE", body: "{}" });
    expect(del[0].headers["x-csrf-token"]).toBe("t0k");
  });

  it("sends the query of a GET route", async () => {
    const sent = answer(200, { items: [], total: 0, page: 2, pageSize: 20 });
    const page = await api.audit.page({ page: 2, orgId: "org-a" });
    expect(page.total).toBe(0);
    expect(sent[0].url).toBe("/api/v1/audit?page=2&orgId=org-a");
  });

  it("an answer that does not match the declared schema is an ApiError, not a wrongly typed value", async () => {
    answer(200, { ok: "yes" });
    const err = await api.auth.logout().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe("BAD_RESPONSE");
  });

  it("an error answer keeps the server's code and message", async () => {
    answer(404, { error: { code: "NOT_FOUND", message: "grant g-1 not found" } });
    const err = await api.grants.revoke("g-1").catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 404, code: "NOT_FOUND", message: "grant g-1 not found" });
  });

  it("is typed from the route table", async () => {
    answer(200, { ok: true });
    const ok = await callRoute(routeTable.auth.revokeToken, { params: { id: "t-1" } });
    const literal: true = ok.ok;
    expect(literal).toBe(true);
    // @ts-expect-error a route with a path param cannot be called without it
    const noParams: ClientInput<typeof routeTable.auth.revokeToken> = {};
    await expect(callRoute(routeTable.auth.revokeToken, noParams)).rejects.toThrow(/missing param id/);
    const role = "emperor";
    // @ts-expect-error the body must have the declared shape
    const badBody: ClientInput<typeof routeTable.members.setRole> = { params: { id: "u" }, body: { role } };
    expect(badBody.body.role).toBe("emperor");
  });

  it("download links come from the table too", () => {
    expect(downloads.directory).toBe("/api/v1/exports/directory");
    expect(downloads.myOrg).toBe("/api/v1/exports/my-org");
    expect(downloads.importTemplate("orgs", "en")).toBe("/api/v1/imports/templates/orgs/xlsx?lang=en");
    expect(downloads.importReport("run-1", "zh")).toBe("/api/v1/imports/history/run-1/report?lang=zh");
    expect(downloads.audit({ action: "org.update", from: "2026-03-01", to: undefined }, "en")).toBe(
      "/api/v1/audit/export?lang=en&action=org.update&from=2026-03-01",
    );
  });
});

/** Every .ts/.tsx file under a folder, tests excluded. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("the web app names no API path itself", () => {
  it("has no /api/v1 literal outside the route table", () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const files = sources(root);
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((f) => readFileSync(f, "utf8").includes("/api/v1"));
    expect(offenders).toEqual([]);
  });
});
