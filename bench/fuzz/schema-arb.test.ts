import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toJsonSchema } from "./checks.ts";
import { type JsonLike, RawJson, toJsonText } from "./nasty.ts";
import { type Operation, operationsOf } from "./openapi.ts";
import { requestArbitrary } from "./request-arb.ts";
import { arbitraryFor, type JsonSchema } from "./schema-arb.ts";

// Shapes copied from /api/openapi.json (member add, org create, audit entry, a query enum).
const MEMBER_ADD: JsonSchema = {
  type: "object",
  properties: {
    email: {
      type: "string",
      maxLength: 254,
      format: "email",
      pattern:
        "^(?:[A-Za-z0-9_'+\\-]+\\.)*[A-Za-z0-9_'+\\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\\-]*\\.)+[A-Za-z]{2,}$",
    },
    displayName: { type: "string", minLength: 1, maxLength: 100 },
    role: { type: "string", enum: ["owner", "admin", "member", "viewer"] },
    password: { type: "string", minLength: 10, maxLength: 200 },
  },
  required: ["email", "role"],
  additionalProperties: false,
};
const ORG_CREATE: JsonSchema = {
  type: "object",
  properties: {
    kind: { type: "string", enum: ["enterprise", "operator"] },
    nameZh: { type: "string", minLength: 1, maxLength: 200 },
    industryCode: { default: "", type: "string", pattern: "^([A-T]?\\d{2,4}|[A-T])?$" },
    year: { type: "integer", minimum: 1900, maximum: 2100 },
    revenue: { type: "number", minimum: 0, nullable: true },
    expiresAt: { type: "string", format: "date-time" },
    products: {
      type: "array",
      maxItems: 3,
      items: { type: "object", properties: { zh: { type: "string" } }, required: ["zh"] },
    },
    before: { nullable: true },
  },
  required: ["kind", "nameZh"],
  additionalProperties: false,
};

// Where a pattern is given it is what the server checks (zod's email regex is looser than ajv's
// "email" format), so only date-time is checked as a format here.
const ajv = new Ajv({ strict: false, logger: false });
addFormats(ajv, ["date-time"]);

function parse(text: string): unknown {
  return JSON.parse(text);
}

describe("JSON Schema → fast-check", () => {
  for (const [name, schema] of [
    ["member add", MEMBER_ADD],
    ["org create", ORG_CREATE],
  ] as const) {
    it(`every drawn ${name} body satisfies its schema`, () => {
      const validate = ajv.compile(toJsonSchema(schema) as object);
      fc.assert(
        fc.property(arbitraryFor(schema), (v) => {
          const ok = validate(parse(toJsonText(v)));
          if (!ok) throw new Error(`${toJsonText(v)}: ${ajv.errorsText(validate.errors)}`);
        }),
        { numRuns: 200 },
      );
    });
  }

  it("mixes hinted values into named string properties", () => {
    const arb = arbitraryFor(
      { type: "object", properties: { granteeOrgId: { type: "string" } }, required: ["granteeOrgId"] },
      (name) => (name === "granteeOrgId" ? fc.constant("org-b") : undefined),
    );
    const seen = fc.sample(arb, { numRuns: 200, seed: 1 }) as { granteeOrgId: string }[];
    expect(seen.some((v) => v.granteeOrgId === "org-b")).toBe(true);
    expect(seen.some((v) => v.granteeOrgId !== "org-b")).toBe(true);
  });
});

describe("spoiled requests", () => {
  const op: Operation = operationsOf({
    paths: {
      "/api/v1/members": {
        post: {
          requestBody: { required: true, content: { "application/json": { schema: MEMBER_ADD } } },
          responses: { "200": {} },
        },
      },
      "/api/v1/orgs/{id}": { get: { responses: { "200": {} } } },
    },
  })[0];

  it("spoiled bodies break the schema in the way their kind names", () => {
    const validate = ajv.compile(toJsonSchema(MEMBER_ADD) as object);
    const cases = fc.sample(requestArbitrary(op, { ids: ["org-b"], hints: () => undefined }), {
      numRuns: 400,
      seed: 2,
    });
    const byKind = (kind: string) => cases.filter((c) => c.kind === kind);
    for (const kind of ["valid", "missing-field", "extra-field", "wrong-type", "huge-string", "content-type"])
      expect(byKind(kind).length, kind).toBeGreaterThan(0);
    for (const c of byKind("valid")) expect(validate(parse(c.body ?? "null"))).toBe(true);
    // A dropped key is a required one or an optional one; an added key is always refused (strict object).
    for (const c of byKind("extra-field")) expect(validate(parse(c.body ?? "null"))).toBe(false);
  });

  it("fills path parameters the document forgot to declare, percent-encoded", () => {
    const get = operationsOf({ paths: { "/api/v1/orgs/{id}": { get: {} } } })[0];
    expect(get.pathParams.map((p) => p.name)).toEqual(["id"]);
    const cases = fc.sample(requestArbitrary(get, { ids: ["a/b\u0000"], hints: () => undefined }), {
      numRuns: 200,
      seed: 3,
    });
    for (const c of cases) expect(c.path).toMatch(/^\/api\/v1\/orgs\/[A-Za-z0-9_~%-]+$/);
    expect(cases.some((c) => c.path.endsWith("/a%2Fb%00"))).toBe(true);
  });

  it("writes numbers JSON.stringify cannot and keeps own __proto__ keys", () => {
    const v: { [key: string]: JsonLike } = {};
    Object.defineProperty(v, "__proto__", { value: 1, enumerable: true, writable: true, configurable: true });
    expect(toJsonText([new RawJson("1e999"), v, -0])).toBe('[1e999,{"__proto__":1},0]');
  });
});
