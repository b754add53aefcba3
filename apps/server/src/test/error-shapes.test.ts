import { connect } from "node:net";
import {
  declaredRoutes,
  errorBodySchema,
  errorStatusesOf,
  routeUrl,
  XLSX_CONTENT_TYPE,
} from "@clusterbrain/contracts";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_URL_LENGTH } from "../http/framework-errors.ts";
import { apiToken, EMAILS, seedCluster, testApp } from "./fixtures.ts";
import { withTestDatabase } from "./test-database.ts";

const table = declaredRoutes();
const signedIn = table.filter((d) => d.route.auth === "signed-in");

/** Parses the one error shape; fails the test with the raw body otherwise. */
function errorOf(res: LightMyRequestResponse) {
  expect(res.headers["content-type"]).toMatch(/^application\/json/);
  const parsed = errorBodySchema.safeParse(res.json());
  expect(parsed.success, res.body).toBe(true);
  return parsed.data?.error;
}

interface OpenApiDoc {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
  components: { responses: Record<string, unknown> };
}

describe("authentication first, one error shape", () => {
  const getDb = withTestDatabase();
  let app: FastifyInstance;
  let bearer: string;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db);
    bearer = `Bearer ${await apiToken(app, EMAILS.aOwner, "shapes")}`;
  });
  afterAll(() => app.close());

  it(`answers an anonymous call of each of the ${signedIn.length} signed-in routes 401, whatever it sends`, async () => {
    expect(signedIn.length).toBeGreaterThan(25);
    const wrong: string[] = [];
    for (const { name, route } of signedIn) {
      // Params that fail validation where they can (an unknown import entity), a junk query,
      // a body of the wrong type and shape: none of it is looked at.
      const params = Object.fromEntries(Object.keys(route.scope ?? {}).map((p) => [p, "nope"]));
      const attempts = [
        { url: routeUrl(route, params) },
        {
          url: `${routeUrl(route, params)}?page=-1&pageSize=abc`,
          payload: "{not json",
          type: "application/json",
        },
        { url: routeUrl(route, params), payload: "<x/>", type: "text/xml" },
      ];
      for (const a of attempts) {
        const res = await app.inject({
          method: route.method,
          url: a.url,
          ...(a.payload === undefined ? {} : { payload: a.payload, headers: { "content-type": a.type } }),
        });
        const code = res.statusCode === 401 ? errorOf(res)?.code : undefined;
        if (code !== "UNAUTHENTICATED") wrong.push(`${name} ${route.method} ${a.url} → ${res.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("public routes still answer anonymous callers", async () => {
    const demo = await app.inject({ method: "GET", url: "/api/v1/auth/demo-accounts" });
    expect(demo.statusCode).toBe(200);
    const login = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: {} });
    expect(login.statusCode).toBe(400);
    expect(errorOf(login)?.code).toBe("VALIDATION_FAILED");
  });

  it("unknown route: 404 NOT_FOUND", async () => {
    const res = await app.inject({ method: "GET", url: "/api/v1/no-such-thing" });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res)?.code).toBe("NOT_FOUND");
  });

  it("known path, other method: 405 METHOD_NOT_ALLOWED with Allow", async () => {
    const res = await app.inject({
      method: "DELETE",
      url: "/api/v1/grants",
      headers: { authorization: bearer },
    });
    expect(res.statusCode).toBe(405);
    expect(errorOf(res)?.code).toBe("METHOD_NOT_ALLOWED");
    expect(res.headers.allow).toBe("GET, POST, HEAD");
  });

  it("over-long URL or path parameter: 414 URI_TOO_LONG", async () => {
    const query = await app.inject({ method: "GET", url: `/api/v1/orgs?q=${"a".repeat(MAX_URL_LENGTH)}` });
    expect(query.statusCode).toBe(414);
    expect(errorOf(query)?.code).toBe("URI_TOO_LONG");
    const param = await app.inject({
      method: "GET",
      url: `/api/v1/orgs/${"a".repeat(200)}`,
      headers: { authorization: bearer },
    });
    expect(param.statusCode).toBe(414);
    expect(errorOf(param)?.code).toBe("URI_TOO_LONG");
  });

  it("unsupported content type: 415; body over the limit: 413", async () => {
    const xml = await app.inject({
      method: "POST",
      url: "/api/v1/grants",
      headers: { authorization: bearer, "content-type": "text/xml" },
      payload: "<grant/>",
    });
    expect(xml.statusCode).toBe(415);
    expect(errorOf(xml)?.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    const big = await app.inject({
      method: "POST",
      url: "/api/v1/grants",
      headers: { authorization: bearer, "content-type": "application/json" },
      payload: JSON.stringify({ purpose: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
    expect(errorOf(big)?.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("headers over Node's limit: 431 HEADERS_TOO_LARGE from a real socket", async () => {
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = new URL(address);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1");
      let data = "";
      socket.on("data", (chunk) => {
        data += chunk.toString();
      });
      socket.on("close", () => resolve(data));
      socket.on("error", reject);
      socket.write(`GET /api/v1/orgs HTTP/1.1\r\nHost: x\r\nX-Big: ${"b".repeat(32 * 1024)}\r\n\r\n`);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 431 /);
    const body = JSON.parse(raw.slice(raw.indexOf("\r\n\r\n") + 4));
    expect(errorBodySchema.parse(body).error.code).toBe("HEADERS_TOO_LARGE");
  });

  it("the OpenAPI document lists every error a route can answer, framework errors and download types", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json() as OpenApiDoc;
    const missing: string[] = [];
    for (const { name, route } of table) {
      const path = `/api/v1${route.path.replace(/:(\w+)/g, "{$1}")}`;
      const responses = doc.paths[path]?.[route.method.toLowerCase()]?.responses ?? {};
      for (const status of errorStatusesOf(route)) {
        const schema = responses[String(status)]?.content?.["application/json"];
        if (!schema) missing.push(`${name} ${status}`);
      }
    }
    expect(missing).toEqual([]);
    expect(Object.keys(doc.components.responses).sort()).toEqual(
      ["BadRequest", "HeadersTooLarge", "MethodNotAllowed", "NotFound", "UriTooLong"].sort(),
    );
    const downloads: [string, string[]][] = [
      // The directory export follows the view in either format (format=xlsx|csv).
      ["/api/v1/exports/directory", [XLSX_CONTENT_TYPE, "text/csv"]],
      ["/api/v1/exports/my-org", [XLSX_CONTENT_TYPE]],
    ];
    for (const [path, types] of downloads) {
      expect(Object.keys(doc.paths[path].get.responses["200"].content ?? {})).toEqual(types);
    }
  });
});
