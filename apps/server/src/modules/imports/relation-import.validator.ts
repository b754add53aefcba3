import { type ImportIssue, usccSchema, VOLUME_BANDS, type VolumeBand } from "@clusterbrain/contracts";
import { RELATION_COLUMNS, VOLUME_LABELS } from "./import.columns.ts";
import { type HeaderMap, RowReader } from "./import.header.ts";
import { usccText2Message } from "./org-import.validator.ts";
import type { SheetRow } from "./sheet.reader.ts";

export interface ValidationResult<T> {
  drafts: T[];
  issues: ImportIssue[];
}

export interface RelationDraft {
  row: number;
  supplierOrgId: string;
  customerOrgId: string;
  product: string;
  volumeBand: VolumeBand;
  nodeId: string | null;
  sinceYear: number | null;
}

export interface RelationImportContext {
  /** The importing organisation: it must be one of the two parties. */
  actorOrgId: string;
  /** USCCs from the file that are registered → org id. */
  orgIdByUscc: ReadonlyMap<string, string>;
  chainNodeIds: ReadonlyMap<string, string>;
  /** relationKey() of the actor's existing relations. */
  existingKeys: ReadonlySet<string>;
}

/** The key the database keeps unique (relations_party_product_key): supplier, customer, product without case. */
export function relationKey(supplierOrgId: string, customerOrgId: string, product: string) {
  return `${supplierOrgId}\u0000${customerOrgId}\u0000${product.toLowerCase()}`;
}

function orgByUscc(
  r: RowReader,
  key: "supplierUscc" | "customerUscc",
  ctx: RelationImportContext,
): string | null {
  const text = r.required(key);
  if (text === "") return null;
  const parsed = usccSchema.safeParse(text);
  if (!parsed.success) {
    r.fail(
      key,
      "INVALID_USCC",
      parsed.error.issues[0].message.replace("(uscc)", `(${key})`),
      usccText2Message(text),
    );
    return null;
  }
  const id = ctx.orgIdByUscc.get(parsed.data);
  if (id === undefined) {
    r.fail(key, "UNKNOWN_ORG", `no organisation with USCC ${parsed.data} is registered in the cluster`, {
      key: "import.unknownOrg",
      params: { uscc: parsed.data },
    });
    return null;
  }
  return id;
}

/** Validates every relation row; a row with any issue produces no draft. */
export function validateRelationRows(
  rows: readonly SheetRow[],
  header: HeaderMap,
  ctx: RelationImportContext,
): ValidationResult<RelationDraft> {
  const drafts: RelationDraft[] = [];
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const r = new RowReader(row, header, RELATION_COLUMNS);
    const supplierOrgId = orgByUscc(r, "supplierUscc", ctx);
    const customerOrgId = orgByUscc(r, "customerUscc", ctx);
    if (supplierOrgId !== null && customerOrgId !== null) {
      if (supplierOrgId === customerOrgId) {
        r.fail("customerUscc", "SELF_RELATION", "supplier and customer are the same organisation", {
          key: "import.selfRelation",
          params: {},
        });
      } else if (supplierOrgId !== ctx.actorOrgId && customerOrgId !== ctx.actorOrgId) {
        r.fail("supplierUscc", "NOT_A_PARTY", "your organisation must be the supplier or the customer", {
          key: "import.notAParty",
          params: {},
        });
      }
    }
    const product = r.required("product");
    const volumeText = r.required("volumeBand");
    const volumeBand = volumeText === "" ? null : r.coded("volumeBand", VOLUME_BANDS, VOLUME_LABELS);
    const nodeText = r.get("chainNode");
    let nodeId: string | null = null;
    if (nodeText !== "") {
      nodeId = ctx.chainNodeIds.get(nodeText.toLowerCase()) ?? null;
      if (nodeId === null)
        r.fail("chainNode", "UNKNOWN_CHAIN_NODE", `unknown chain node "${nodeText}"`, {
          key: "import.unknownChainNode",
          params: { codes: nodeText },
        });
    }
    const sinceYear = r.year("sinceYear", 1900, 2100);

    issues.push(...r.warnings);
    if (r.issues.length === 0 && supplierOrgId && customerOrgId && volumeBand) {
      const key = relationKey(supplierOrgId, customerOrgId, product);
      if (seen.has(key)) {
        r.fail("product", "DUPLICATE_IN_FILE", `the same relation is already on row ${seen.get(key)}`, {
          key: "import.duplicateRelation",
          params: { otherRow: seen.get(key) ?? 0 },
        });
      } else if (ctx.existingKeys.has(key)) {
        r.fail("product", "ALREADY_EXISTS", "this relation is already recorded", {
          key: "import.relationExists",
          params: {},
        });
      } else {
        seen.set(key, row.row);
        drafts.push({ row: row.row, supplierOrgId, customerOrgId, product, volumeBand, nodeId, sinceYear });
        continue;
      }
    }
    issues.push(...r.issues);
  }
  return { drafts, issues };
}
