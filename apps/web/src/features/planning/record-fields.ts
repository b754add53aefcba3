import { PLANNING_DATA_SCHEMAS, type PlanningEntity } from "@clusterbrain/contracts";

/** One field of a master data form, read from the entity's contract schema (the server checks again). */
export interface RecordField {
  key: string;
  kind: "text" | "number" | "choice";
  required: boolean;
  choices: string[];
}

/** What the form needs of a zod schema's definition (zod 4 keeps it on `def`). */
interface SchemaDef {
  def: { type: string; innerType?: SchemaDef; entries?: Record<string, string> };
}

function unwrap(schema: SchemaDef): { inner: SchemaDef; required: boolean } {
  let inner = schema;
  let required = true;
  while (inner.def.innerType !== undefined && ["optional", "default", "nullable"].includes(inner.def.type)) {
    required = false;
    inner = inner.def.innerType;
  }
  return { inner, required };
}

export function recordFields(entity: PlanningEntity): RecordField[] {
  const shape: Record<string, unknown> = PLANNING_DATA_SCHEMAS[entity].shape;
  return Object.entries(shape).map(([key, schema]) => {
    const { inner, required } = unwrap(schema as SchemaDef);
    const type = inner.def.type;
    const choices = type === "enum" ? Object.values(inner.def.entries ?? {}) : [];
    return {
      key,
      required,
      choices,
      kind: type === "number" ? "number" : type === "enum" ? "choice" : "text",
    };
  });
}

/** Form values → record data: blanks dropped (so defaults apply), numbers kept as numbers. */
export function formData(
  fields: readonly RecordField[],
  values: Record<string, unknown>,
): Record<string, string | number> {
  const data: Record<string, string | number> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (v === undefined || v === null || v === "") continue;
    data[f.key] = f.kind === "number" ? Number(v) : String(v);
  }
  return data;
}
