import { ORG_KINDS, ORG_SORTS, type OrgKind, type OrgSearchQuery } from "@clusterbrain/contracts";
import { downloads } from "../../shared/api/endpoints.ts";

/** The directory's state as it lives in the URL, so searches can be bookmarked and shared. */
export interface DirectoryQuery {
  q: string;
  kind: OrgKind | undefined;
  district: string | undefined;
  industry: string | undefined;
  chainNode: string | undefined;
  sort: (typeof ORG_SORTS)[number];
  order: "asc" | "desc";
  page: number;
  pageSize: number;
}

export const DEFAULT_PAGE_SIZE = 20;
const PAGE_SIZES = [10, 20, 50, 100];

function positiveInt(raw: string | null, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

function nonEmpty(raw: string | null): string | undefined {
  const v = raw?.trim();
  return v === undefined || v === "" ? undefined : v;
}

/** Reads the URL; unknown or malformed values fall back to defaults instead of producing a 400. */
export function parseDirectoryQuery(params: URLSearchParams): DirectoryQuery {
  const kind = params.get("kind");
  const sort = params.get("sort");
  const pageSize = positiveInt(params.get("pageSize"), DEFAULT_PAGE_SIZE);
  return {
    q: params.get("q")?.trim() ?? "",
    kind: ORG_KINDS.find((k) => k === kind),
    district: nonEmpty(params.get("district")),
    industry: nonEmpty(params.get("industry")),
    chainNode: nonEmpty(params.get("chainNode")),
    sort: ORG_SORTS.find((s) => s === sort) ?? "relevance",
    order: params.get("order") === "desc" ? "desc" : "asc",
    page: positiveInt(params.get("page"), 1),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** Writes only non-default values, so a plain directory URL stays plain. */
export function toSearchParams(query: DirectoryQuery): URLSearchParams {
  const out = new URLSearchParams();
  if (query.q !== "") out.set("q", query.q);
  if (query.kind !== undefined) out.set("kind", query.kind);
  if (query.district !== undefined) out.set("district", query.district);
  if (query.industry !== undefined) out.set("industry", query.industry);
  if (query.chainNode !== undefined) out.set("chainNode", query.chainNode);
  if (query.sort !== "relevance") out.set("sort", query.sort);
  if (query.order !== "asc") out.set("order", query.order);
  if (query.page !== 1) out.set("page", String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) out.set("pageSize", String(query.pageSize));
  return out;
}

/** The API query for a directory state; names sort in the language the user reads. */
export function toApiQuery(query: DirectoryQuery, lang: "zh" | "en"): Partial<OrgSearchQuery> {
  return {
    q: query.q === "" ? undefined : query.q,
    kind: query.kind,
    district: query.district,
    industry: query.industry,
    chainNode: query.chainNode,
    sort: query.sort,
    order: query.order,
    page: query.page,
    pageSize: query.pageSize,
    lang,
  };
}

/**
 * The export link for what the screen shows: the same search, filters and sort (every page, not
 * just this one), labels in the reader's language.
 */
export function directoryExportUrl(
  query: DirectoryQuery,
  lang: "zh" | "en",
  format: "xlsx" | "csv" = "xlsx",
): string {
  const { page: _page, pageSize: _size, ...rest } = toApiQuery(query, lang);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...rest, format })) {
    if (value !== undefined) params.set(key, String(value));
  }
  return `${downloads.directory}?${params.toString()}`;
}
