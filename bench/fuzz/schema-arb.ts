// JSON Schema (the OpenAPI 3.0 subset @fastify/swagger emits from our zod contracts) → fast-check
// arbitraries of schema-valid values. No npm package fits: json-schema-fast-check needs fast-check 1,
// zod-fast-check needs zod 3 and fast-check < 4, and the route table is the OpenAPI document anyway.
import fc from "fast-check";
import { hazardString, type JsonLike } from "./nasty.ts";

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  description?: string;
}

/**
 * Extra values for a named property (e.g. ids harvested from earlier answers for `granteeOrgId`,
 * valid 统一社会信用代码 for `uscc`), mixed in beside what the schema alone would give; only
 * used where the hint's values also satisfy the property's schema type (strings).
 */
export type Hints = (propertyName: string) => fc.Arbitrary<string> | undefined;

const noHints: Hints = () => undefined;

/** Schema-valid values; strings carry Unicode hazards within their length bounds. */
export function arbitraryFor(schema: JsonSchema, hints: Hints = noHints, name = ""): fc.Arbitrary<JsonLike> {
  const base = baseArbitrary(schema, hints, name);
  return schema.nullable ? fc.oneof({ weight: 4, arbitrary: base }, fc.constant(null)) : base;
}

function baseArbitrary(schema: JsonSchema, hints: Hints, name: string): fc.Arbitrary<JsonLike> {
  if (schema.enum) return fc.constantFrom(...(schema.enum as JsonLike[]));
  if (schema.const !== undefined) return fc.constant(schema.const as JsonLike);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((s) => arbitraryFor(s, hints, name)));
  if (schema.allOf?.length) return arbitraryFor(Object.assign({}, ...schema.allOf), hints, name);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      return stringArbitrary(schema, hints, name);
    case "integer":
      return integerArbitrary(schema);
    case "number":
      return numberArbitrary(schema);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.min(schema.maxItems ?? 5, minLength + 5);
      return fc.array(arbitraryFor(schema.items ?? {}, hints, name), { minLength, maxLength });
    }
    case "object":
      return objectArbitrary(schema, hints);
    default:
      return schema.properties ? objectArbitrary(schema, hints) : (fc.jsonValue() as fc.Arbitrary<JsonLike>);
  }
}

function stringArbitrary(schema: JsonSchema, hints: Hints, name: string): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? Math.max(minLength, 60);
  const inBounds = (s: string) => s.length >= minLength && s.length <= maxLength;
  let plain: fc.Arbitrary<string>;
  if (schema.pattern) plain = fc.stringMatching(new RegExp(schema.pattern)).filter(inBounds);
  else if (schema.format === "email") plain = fc.emailAddress().filter(inBounds);
  else if (schema.format === "date-time")
    plain = fc
      .date({ min: new Date("1970-01-01"), max: new Date("2200-01-01"), noInvalidDate: true })
      .map((d) => d.toISOString());
  else if (schema.format === "date")
    plain = fc
      .date({ min: new Date("1970-01-01"), max: new Date("2200-01-01"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  else plain = hazardString(minLength, Math.min(maxLength, 200));
  const hinted = hints(name)?.filter(inBounds);
  return hinted ? fc.oneof(plain, hinted) : plain;
}

function bound(schema: JsonSchema): { min: number; max: number } {
  let min = schema.minimum ?? -1e9;
  let max = schema.maximum ?? 1e9;
  if (typeof schema.exclusiveMinimum === "number") min = schema.exclusiveMinimum;
  if (typeof schema.exclusiveMaximum === "number") max = schema.exclusiveMaximum;
  return { min, max };
}

function integerArbitrary(schema: JsonSchema): fc.Arbitrary<number> {
  const { min, max } = bound(schema);
  const exMin = schema.exclusiveMinimum === true || typeof schema.exclusiveMinimum === "number";
  const exMax = schema.exclusiveMaximum === true || typeof schema.exclusiveMaximum === "number";
  const lo = Math.max(Number.MIN_SAFE_INTEGER, Math.ceil(exMin ? min + 1e-9 : min));
  const hi = Math.min(Number.MAX_SAFE_INTEGER, Math.floor(exMax ? max - 1e-9 : max));
  const edges = [lo, hi, 0, 1, -1].filter((n) => n >= lo && n <= hi);
  return fc.oneof(fc.integer({ min: lo, max: hi }), fc.constantFrom(...edges));
}

function numberArbitrary(schema: JsonSchema): fc.Arbitrary<number> {
  const { min, max } = bound(schema);
  const exMin = schema.exclusiveMinimum === true || typeof schema.exclusiveMinimum === "number";
  const exMax = schema.exclusiveMaximum === true || typeof schema.exclusiveMaximum === "number";
  return fc.double({
    min,
    max,
    noNaN: true,
    noDefaultInfinity: true,
    minExcluded: exMin,
    maxExcluded: exMax,
  });
}

function objectArbitrary(schema: JsonSchema, hints: Hints): fc.Arbitrary<JsonLike> {
  const props = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const model: Record<string, fc.Arbitrary<JsonLike>> = {};
  for (const [key, sub] of Object.entries(props)) model[key] = arbitraryFor(sub, hints, key);
  const requiredKeys = Object.keys(props).filter((k) => required.has(k));
  return fc.record(model, { requiredKeys }) as fc.Arbitrary<JsonLike>;
}
