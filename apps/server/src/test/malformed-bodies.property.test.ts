import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { apiToken, EMAILS, IDS, seedCluster, testApp } from "./fixtures.ts";
import { fillPath, openApiRoutes } from "./openapi-routes.ts";
import { describeEachDatabase } from "./test-database.ts";

/** Bodies that are wrong in every way we can think of: any JSON, near-miss objects, raw junk. */
const jsonBody = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(
    fc.constantFrom(
      "name",
      "email",
      "password",
      "uscc",
      "year",
      "revenue",
      "expiresAt",
      "granteeOrgId",
      "dataClass",
      "supplierOrgId",
      "customerOrgId",
      "volumeBand",
      "products",
      "contact",
      "chainNodeIds",
      "kind",
      "nameZh",
      "role",
      "displayName",
    ),
    fc.jsonValue(),
  ),
);
const rawBody = fc.oneof(
  fc.string(),
  fc.constant("{"),
  fc.constant("null"),
  fc.constant("[]"),
  fc.string({ unit: "binary" }),
);
const idArb = fc.oneof(
  fc.constantFrom(IDS.a, IDS.b, IDS.relationAC, IDS.grantBC, "n-inductor"),
  fc.string({ minLength: 1, maxLength: 300 }),
);

describeEachDatabase("malformed bodies never cause a 5xx", (getDb) => {
  let app: FastifyInstance;
  let token: string;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db);
    token = await apiToken(app, EMAILS.aOwner, "fuzz");
  });
  afterAll(() => app.close());

  it("every write route in the OpenAPI document answers < 500 for arbitrary bodies", async () => {
    const writes = (await openApiRoutes(app)).filter((r) => r.method !== "GET");
    expect(writes.length).toBeGreaterThan(8);
    const failures: string[] = [];
    for (const r of writes) {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            jsonBody.map((b) => JSON.stringify(b)),
            rawBody,
          ),
          idArb,
          async (body, id) => {
            const res = await app.inject({
              method: r.method,
              url: fillPath(r.path, () => id),
              headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
              payload: body,
            });
            if (res.statusCode >= 500)
              failures.push(`${r.method} ${r.path} ${res.statusCode} ${res.body.slice(0, 200)}`);
            return res.statusCode < 500;
          },
        ),
        { numRuns: 40, seed: 20260301 },
      );
    }
    expect(failures).toEqual([]);
  });
});
