import {
  districtFromName,
  industryCodeSchema,
  type LocalizedItem,
  ORG_KINDS,
  type OrgKind,
  type ServerMessage,
  SIZE_BANDS,
  type SizeBand,
  usccIssue,
  usccSchema,
} from "@clusterbrain/contracts";
import { KIND_LABELS, ORG_COLUMNS, SIZE_LABELS } from "./import.columns.ts";
import { type HeaderMap, RowReader } from "./import.header.ts";
import type { ValidationResult } from "./relation-import.validator.ts";
import type { SheetRow } from "./sheet.reader.ts";

export interface OrgDraft {
  row: number;
  uscc: string | null;
  kind: OrgKind;
  nameZh: string;
  nameEn: string;
  district: string;
  address: string;
  industryCode: string;
  sizeBand: SizeBand;
  foundedYear: number | null;
  website: string;
  products: LocalizedItem[];
  chainNodeIds: string[];
}

export interface OrgImportContext {
  /** USCCs from the file that are already registered. */
  existingUsccs: ReadonlySet<string>;
  /** Chain node code (and lower-cased Chinese name) → node id. */
  chainNodeIds: ReadonlyMap<string, string>;
}

/** The translatable reason a USCC cell was refused (a text problem when the code itself is fine). */
export function usccText2Message(text: string): ServerMessage {
  return usccIssue(text.trim().toUpperCase()) ?? { key: "field.invalid", params: {} };
}

const IMPORTABLE_KINDS = ORG_KINDS.filter((k) => k !== "operator");

function splitList(text: string): string[] {
  return text
    .split(/[;；\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Validates every organisation row; a row with any issue produces no draft. */
export function validateOrgRows(
  rows: readonly SheetRow[],
  header: HeaderMap,
  ctx: OrgImportContext,
): ValidationResult<OrgDraft> {
  const drafts: OrgDraft[] = [];
  const issues = [];
  const usccRows = new Map<string, number>();
  for (const row of rows) {
    const r = new RowReader(row, header, ORG_COLUMNS);
    const kindText = r.required("kind");
    let kind: OrgKind | null = null;
    if (kindText !== "") {
      kind = r.coded("kind", IMPORTABLE_KINDS, KIND_LABELS);
    }
    const nameZh = r.required("nameZh");
    const nameEn = r.required("nameEn");

    let uscc: string | null = null;
    const usccText = r.get("uscc");
    if (usccText === "") {
      if (kind === "enterprise" && !r.has("uscc"))
        r.fail("uscc", "REQUIRED", "uscc is required for enterprises", {
          key: "import.requiredForEnterprise",
          params: {},
        });
    } else {
      const parsed = usccSchema.safeParse(usccText);
      if (!parsed.success) {
        r.fail("uscc", "INVALID_USCC", parsed.error.issues[0].message, usccText2Message(usccText));
      } else if (usccRows.has(parsed.data)) {
        r.fail(
          "uscc",
          "DUPLICATE_IN_FILE",
          `uscc ${parsed.data} also appears on row ${usccRows.get(parsed.data)}`,
          {
            key: "import.duplicateUscc",
            params: { uscc: parsed.data, otherRow: usccRows.get(parsed.data) ?? 0 },
          },
        );
      } else if (ctx.existingUsccs.has(parsed.data)) {
        r.fail("uscc", "ALREADY_EXISTS", `an organisation with uscc ${parsed.data} is already registered`, {
          key: "import.usccExists",
          params: { uscc: parsed.data },
        });
      } else {
        uscc = parsed.data;
        usccRows.set(uscc, row.row);
      }
    }

    const industryText = r.get("industryCode");
    const industry = industryCodeSchema.safeParse(industryText);
    if (!industry.success)
      r.fail("industryCode", "INVALID_VALUE", industry.error.issues[0].message, {
        key: "field.industryCode",
        params: {},
      });

    const sizeBand = r.coded("sizeBand", SIZE_BANDS, SIZE_LABELS) ?? "small";
    const foundedYear = r.year("foundedYear", 1800, 2100);
    const website = r.get("website");
    if (website !== "" && !/^https?:\/\/\S+$/i.test(website)) {
      r.fail("website", "INVALID_VALUE", `website must start with http:// or https:// (got "${website}")`, {
        key: "import.website",
        params: { got: website },
      });
    }

    const products: LocalizedItem[] = [];
    for (const item of splitList(r.get("products"))) {
      const [zh, en] = item.split("|").map((s) => s.trim());
      if (zh.length > 200 || (en ?? "").length > 200) {
        r.fail("products", "TOO_LONG", "each product name must be at most 200 characters", {
          key: "import.productTooLong",
          params: { max: 200 },
        });
        break;
      }
      products.push({ zh, en: en || zh });
    }

    const chainNodeIds: string[] = [];
    const unknown: string[] = [];
    for (const code of splitList(r.get("chainNodes").replaceAll(",", ";"))) {
      const id = ctx.chainNodeIds.get(code.toLowerCase());
      if (id === undefined) unknown.push(code);
      else if (!chainNodeIds.includes(id)) chainNodeIds.push(id);
    }
    if (unknown.length > 0) {
      r.fail(
        "chainNodes",
        "UNKNOWN_CHAIN_NODE",
        `unknown chain node ${unknown.map((u) => `"${u}"`).join(", ")}`,
        { key: "import.unknownChainNode", params: { codes: unknown.join(", ") } },
      );
    }

    // Read before the issue check, so a bad district or address is reported, not silently blanked.
    const district = districtFromName(r.get("district"));
    const address = r.get("address");
    issues.push(...r.warnings);
    if (r.issues.length > 0 || kind === null) {
      issues.push(...r.issues);
      continue;
    }
    drafts.push({
      row: row.row,
      uscc,
      kind,
      nameZh,
      nameEn,
      district,
      address,
      industryCode: industry.success ? industry.data : "",
      sizeBand,
      foundedYear,
      website,
      products,
      chainNodeIds,
    });
  }
  return { drafts, issues };
}
