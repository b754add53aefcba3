import { describe, expect, it } from "vitest";
import { type Answer, checkAnswer, leaksIn } from "./checks.ts";
import { operationsOf } from "./openapi.ts";
import { mustNotSucceed } from "./rules.ts";

const ERROR = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: { code: { type: "string" }, message: { type: "string" }, details: {} },
      required: ["code", "message"],
      additionalProperties: false,
    },
  },
  required: ["error"],
  additionalProperties: false,
};
const [op] = operationsOf({
  paths: {
    "/api/v1/things/{id}": {
      get: {
        responses: {
          "200": {
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: { id: { type: "string" }, note: { type: "string", nullable: true } },
                  required: ["id"],
                },
              },
            },
          },
          "404": { content: { "application/json": { schema: ERROR } } },
        },
      },
    },
  },
});

function json(status: number, body: unknown, contentType = "application/json; charset=utf-8"): Answer {
  return { status, contentType, text: JSON.stringify(body), json: body };
}

const categories = (a: Answer, sent = "") => checkAnswer(op, a, sent).map((f) => f.category);

describe("answer checks", () => {
  it("passes a documented answer that matches its schema", () => {
    expect(categories(json(200, { id: "x", note: null }))).toEqual([]);
    expect(categories(json(404, { error: { code: "NOT_FOUND", message: "no" } }))).toEqual([]);
  });

  it("flags 5xx, undocumented statuses, schema misses and the wrong error shape", () => {
    expect(categories(json(500, { error: { code: "INTERNAL", message: "internal error" } }))).toEqual([
      "5xx",
      "undocumented-status",
    ]);
    expect(categories(json(200, { note: 3 }))).toEqual(["schema"]);
    expect(
      categories(json(404, { error: "Not Found", message: "Route GET:/x not found", statusCode: 404 })),
    ).toEqual(["error-shape", "schema"]);
    expect(categories({ status: 200, contentType: "application/vnd.ms-excel", text: "PK" })).toEqual([
      "schema",
    ]);
    expect(categories({ status: 431, contentType: "", text: "" })).toEqual([
      "undocumented-status",
      "error-shape",
    ]);
  });

  it("sees internals in an answer unless the request carried the same text", () => {
    const stack = "Error: boom\n    at Object.handler (/work/app/src/x.ts:10:5)";
    expect(leaksIn(stack, "").length).toBeGreaterThan(0);
    expect(leaksIn('duplicate key value violates unique constraint "users_email_unique"', "")).toHaveLength(
      1,
    );
    expect(leaksIn("SELECT id, name FROM orgs WHERE", "")).toHaveLength(1);
    expect(leaksIn("unknown organisation /work/x/y", "/work/x/y")).toEqual([]);
    expect(leaksIn('{"error":{"code":"NOT_FOUND","message":"org not found"}}', "")).toEqual([]);
  });
});

describe("who must not succeed", () => {
  it("anonymous only on public routes, viewers never write, firms never register orgs", () => {
    expect(mustNotSucceed("anonymous", "GET /api/v1/orgs", undefined, undefined)).toBeDefined();
    expect(mustNotSucceed("anonymous", "POST /api/v1/auth/login", undefined, undefined)).toBeUndefined();
    expect(mustNotSucceed("viewer", "POST /api/v1/relations", "org-a", undefined)).toBeDefined();
    expect(mustNotSucceed("owner", "POST /api/v1/orgs", "org-a", undefined)).toBeDefined();
    expect(mustNotSucceed("operator", "POST /api/v1/orgs", "org-operator", undefined)).toBeUndefined();
    expect(mustNotSucceed("owner", "PATCH /api/v1/orgs/{id}", "org-a", "org-b")).toBeDefined();
    expect(mustNotSucceed("owner", "PATCH /api/v1/orgs/{id}", "org-a", "org-a")).toBeUndefined();
    expect(mustNotSucceed("owner", "POST /api/v1/grants/{id}/revoke", "org-a", "grant-b-c")).toBeDefined();
    expect(mustNotSucceed("owner", "DELETE /api/v1/relations/{id}", "org-a", "rel-a-c")).toBeUndefined();
    expect(
      mustNotSucceed("operator", "DELETE /api/v1/members/{id}", "org-operator", "u-owner@a.test"),
    ).toBeDefined();
  });
});
