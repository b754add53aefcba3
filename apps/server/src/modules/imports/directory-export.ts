import { type DirectoryExportQuery, districtName } from "@clusterbrain/contracts";
import type { DbOrTx } from "../../db/database.ts";
import { type NodeRef, OrgRepository, type OrgRow } from "../orgs/org.repository.ts";
import { codeLabel, headerTextIn, KIND_NAMES, ORG_COLUMNS, SIZE_NAMES } from "./import.columns.ts";
import type { Cell } from "./sheet.writer.ts";

/** More rows than any cluster directory holds; the export is never paged. */
const EXPORT_ROW_LIMIT = 100_000;
const CHUNK = 5_000;

export interface DirectoryTable {
  headers: string[];
  rows: Cell[][];
}

/** One organisation in the import layout, with readable labels in `lang` instead of codes. */
function directoryCells(org: OrgRow, nodes: NodeRef[], lang: "zh" | "en"): Cell[] {
  const values: Record<string, Cell> = {
    uscc: org.uscc,
    kind: codeLabel(KIND_NAMES, org.kind, lang),
    nameZh: org.nameZh,
    nameEn: org.nameEn,
    district: districtName(org.district, lang),
    address: org.address,
    industryCode: org.industryCode,
    sizeBand: codeLabel(SIZE_NAMES, org.sizeBand, lang),
    foundedYear: org.foundedYear,
    website: org.website,
    products: org.products.map((p) => `${p.zh}|${p.en}`).join("; "),
    chainNodes: nodes.map((n) => (lang === "en" ? n.nameEn : n.nameZh)).join("; "),
  };
  return ORG_COLUMNS.map((c) => values[c.key] ?? null);
}

/**
 * The directory exactly as the screen lists it: the same search query (text, filters, sort) run
 * without paging, then the full public rows in that order. Labels, district and chain-node names
 * are in the reader's language; the header keeps each column's key so the file can be imported again.
 */
export async function directoryTable(db: DbOrTx, q: DirectoryExportQuery): Promise<DirectoryTable> {
  const repo = new OrgRepository(db);
  const { format: _format, ...search } = q;
  const { hits } = await repo.search({ ...search, page: 1, pageSize: EXPORT_ROW_LIMIT });
  const ids = hits.map((h) => h.id);
  const byId = new Map<string, OrgRow>();
  const nodes = new Map<string, NodeRef[]>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    for (const row of await repo.findByIds(part)) byId.set(row.id, row);
    for (const [orgId, list] of await repo.chainNodesOf(part)) nodes.set(orgId, list);
  }
  const rows: Cell[][] = [];
  for (const id of ids) {
    const org = byId.get(id);
    if (org !== undefined) rows.push(directoryCells(org, nodes.get(id) ?? [], q.lang));
  }
  return { headers: ORG_COLUMNS.map((c) => headerTextIn(c, q.lang)), rows };
}
