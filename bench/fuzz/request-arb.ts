// One fuzz request per draw: a schema-valid request, or one of it spoiled in a single named way
// (wrong type, missing or extra field, edge number, 100k string, deep nesting, garbage, wrong
// content type, hostile ids and query strings). The `kind` names the spoiling in the report.
import fc from "fast-check";
import {
  anyJson,
  deepNesting,
  edgeNumber,
  extraKey,
  HUGE,
  hazardString,
  hugeString,
  type JsonLike,
  RawJson,
  setOwn,
  toJsonText,
} from "./nasty.ts";
import type { Operation, Parameter } from "./openapi.ts";
import { arbitraryFor, type Hints, type JsonSchema } from "./schema-arb.ts";

export interface RequestCase {
  kind: string;
  /** Path with parameters filled and percent-encoded. */
  path: string;
  /** The path parameters as sent, before encoding. */
  pathValues: Record<string, string>;
  /** Raw query string without "?", possibly malformed on purpose. */
  query: string;
  body?: string;
  contentType?: string;
}

export interface FuzzContext {
  /** Ids seen in earlier answers, the other tenants' included. */
  ids: readonly string[];
  hints: Hints;
}

/** UTF-8 percent-encoding of everything but [A-Za-z0-9_~-]; lone surrogates become U+FFFD as on the wire. */
export function encodePart(s: string): string {
  let out = "";
  for (const byte of Buffer.from(s, "utf8")) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9_~-]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

const MALFORMED_ESCAPES = ["%", "%zz", "%FF", "%C0%80", "%00", "%E4%B8", "%%", "+"];

const WRONG_CONTENT_TYPES = [
  "text/plain",
  "application/xml",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=xyz",
  "application/octet-stream",
  "application/json; charset=utf-16",
  "application/jsonx",
  "a/b/c",
  "",
];

function idArbitrary(param: Parameter, ctx: FuzzContext): fc.Arbitrary<string> {
  const fromSchema = arbitraryFor(param.schema, ctx.hints, param.name).map((v) =>
    typeof v === "string" ? v : toJsonText(v),
  );
  const options: fc.WeightedArbitrary<string>[] = [
    { weight: 6, arbitrary: fromSchema },
    { weight: 3, arbitrary: hazardString(1, 40) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("0", "-1", "null", "undefined", "%", "x/../../y", "a".repeat(101)),
    },
    { weight: 1, arbitrary: hugeString },
  ];
  if (ctx.ids.length > 0) options.push({ weight: 8, arbitrary: fc.constantFrom(...ctx.ids) });
  // "." and ".." would be resolved away by URL parsing before the server sees them.
  return fc.oneof(...options).map((s) => (s === "" || /^\.{1,2}$/.test(s) ? `${s}x` : s));
}

function stringify(v: JsonLike): string[] {
  if (Array.isArray(v)) return v.flatMap(stringify);
  if (v === null) return ["null"];
  if (typeof v === "object") return [toJsonText(v)];
  return [String(v)];
}

function queryArbitrary(params: Parameter[], ctx: FuzzContext): fc.Arbitrary<[string, string][]> {
  const model: Record<string, fc.Arbitrary<string[]>> = {};
  for (const p of params) model[p.name] = arbitraryFor(p.schema, ctx.hints, p.name).map(stringify);
  const requiredKeys = params.filter((p) => p.required).map((p) => p.name);
  return fc
    .record(model, { requiredKeys })
    .map((r) =>
      Object.entries(r).flatMap(([k, values]) => (values ?? []).map((v): [string, string] => [k, v])),
    );
}

function encodeQuery(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `${encodePart(k)}=${encodePart(v)}`).join("&");
}

type PathStep = string | number;

function pathsOf(v: JsonLike, at: PathStep[] = [], out: { path: PathStep[]; value: JsonLike }[] = []) {
  out.push({ path: at, value: v });
  if (Array.isArray(v)) for (const [i, x] of v.entries()) pathsOf(x, [...at, i], out);
  else if (v !== null && typeof v === "object" && !(v instanceof RawJson))
    for (const k of Object.keys(v)) pathsOf(v[k], [...at, k], out);
  return out;
}

/** A copy of `v` with the node at `path` replaced by `fn(node)` (undefined deletes an object key). */
function replaceAt(v: JsonLike, path: PathStep[], fn: (x: JsonLike) => JsonLike | undefined): JsonLike {
  if (path.length === 0) return fn(v) ?? null;
  const [head, ...rest] = path;
  if (Array.isArray(v)) {
    const copy = [...v];
    const next = replaceAt(copy[head as number], rest, fn);
    copy[head as number] = next;
    return copy;
  }
  const obj = v as { [key: string]: JsonLike };
  const copy: { [key: string]: JsonLike } = {};
  for (const k of Object.keys(obj)) {
    if (k !== head) setOwn(copy, k, obj[k]);
    else if (rest.length > 0) setOwn(copy, k, replaceAt(obj[k], rest, fn));
    else {
      const replaced = fn(obj[k]);
      if (replaced !== undefined) setOwn(copy, k, replaced);
    }
  }
  return copy;
}

interface Spoiled {
  kind: string;
  value: JsonLike;
}

/** Spoils one node of a valid body in one named way. */
function spoil(valid: JsonLike): fc.Arbitrary<Spoiled> {
  const nodes = pathsOf(valid);
  const pick = fc.nat({ max: nodes.length - 1 }).map((i) => nodes[i]);
  const objects = nodes.filter(
    (n) => n.value !== null && typeof n.value === "object" && !Array.isArray(n.value),
  );
  const keyed = nodes.filter((n) => n.path.length > 0 && typeof n.path[n.path.length - 1] === "string");
  const options: fc.Arbitrary<Spoiled>[] = [
    fc
      .tuple(pick, anyJson)
      .map(([n, bad]) => ({ kind: "wrong-type", value: replaceAt(valid, n.path, () => bad) })),
    fc
      .tuple(pick, edgeNumber)
      .map(([n, num]) => ({ kind: "edge-number", value: replaceAt(valid, n.path, () => num) })),
    fc
      .tuple(pick, hugeString)
      .map(([n, s]) => ({ kind: "huge-string", value: replaceAt(valid, n.path, () => s) })),
    fc
      .tuple(pick, deepNesting)
      .map(([n, deep]) => ({ kind: "deep-nesting", value: replaceAt(valid, n.path, () => deep) })),
  ];
  if (keyed.length > 0)
    options.push(
      fc
        .nat({ max: keyed.length - 1 })
        .map((i) => ({ kind: "missing-field", value: replaceAt(valid, keyed[i].path, () => undefined) })),
    );
  if (objects.length > 0)
    options.push(
      fc.tuple(fc.nat({ max: objects.length - 1 }), extraKey, anyJson).map(([i, key, extra]) => ({
        kind: "extra-field",
        value: replaceAt(valid, objects[i].path, (o) => {
          const copy = replaceAt(o, [], (x) => x) as { [key: string]: JsonLike };
          setOwn(copy, Object.hasOwn(copy, key) ? `${key}_extra` : key, extra);
          return copy;
        }),
      })),
    );
  return fc.oneof(...options);
}

const garbageBody: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom(
    "{",
    "}",
    "[",
    "null",
    "[]",
    '""',
    "0",
    "true",
    '{"a":1,}',
    "{'a':1}",
    "\u0000",
    "\ufeff{}",
  ),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  hugeString.map((s) => JSON.stringify(s)),
);

/** Every request the fuzzer may send to `op`, valid and spoiled, weighted toward the spoiled. */
export function requestArbitrary(op: Operation, ctx: FuzzContext): fc.Arbitrary<RequestCase> {
  const pathArb = fc
    .tuple(...op.pathParams.map((p) => idArbitrary(p, ctx).map((v): [string, string] => [p.name, v])))
    .map((pairs) => {
      const pathValues = Object.fromEntries(pairs);
      const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodePart(pathValues[name] ?? "x"));
      return { path, pathValues };
    });
  const queryArb = queryArbitrary(op.query, ctx);
  const badQuery = fc
    .tuple(
      queryArb,
      fc.array(
        fc.oneof(
          fc.tuple(fc.constantFrom(...op.query.map((p) => p.name), "unknown", ""), hazardString(0, 40)),
          fc.tuple(fc.constantFrom(...op.query.map((p) => p.name), "x"), fc.constant("a".repeat(HUGE / 25))),
        ),
        { minLength: 1, maxLength: 3 },
      ),
      fc.constantFrom(...MALFORMED_ESCAPES),
    )
    .map(([good, bad, malformed]) => `${encodeQuery([...good, ...bad])}&${malformed}=${malformed}`);

  const bodySchema = op.body?.schema as JsonSchema | undefined;
  const mediaType = op.body?.mediaType ?? "application/json";
  const withBody = (kind: string, body: string | undefined, contentType?: string) =>
    fc.tuple(pathArb, queryArb).map(
      ([p, q]): RequestCase => ({
        kind,
        ...p,
        query: encodeQuery(q),
        body,
        contentType: body === undefined ? undefined : (contentType ?? mediaType),
      }),
    );

  const cases: fc.WeightedArbitrary<RequestCase>[] = [
    {
      weight: 2,
      arbitrary: fc
        .tuple(pathArb, badQuery)
        .map(([p, query]): RequestCase => ({ kind: "bad-query", ...p, query })),
    },
  ];
  // A GET carries no body (fetch refuses one), so only writes get garbage bodies.
  if (op.method !== "GET")
    cases.push(
      { weight: 1, arbitrary: garbageBody.chain((b) => withBody("garbage-body", b)) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(garbageBody, fc.constantFrom(...WRONG_CONTENT_TYPES))
          .chain(([b, ct]) => withBody("content-type", b, ct)),
      },
    );
  if (bodySchema) {
    const valid = arbitraryFor(bodySchema, ctx.hints);
    cases.push(
      { weight: 4, arbitrary: valid.chain((v) => withBody("valid", toJsonText(v))) },
      { weight: 6, arbitrary: valid.chain(spoil).chain((s) => withBody(s.kind, toJsonText(s.value))) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(valid, fc.constantFrom(...WRONG_CONTENT_TYPES))
          .chain(([v, ct]) => withBody("content-type", toJsonText(v), ct)),
      },
      { weight: 1, arbitrary: withBody("missing-body", undefined) },
    );
  } else {
    cases.push({ weight: 6, arbitrary: withBody("valid", undefined) });
  }
  return fc.oneof(...cases);
}
