import type {
  ChainMapResponse,
  ClusterIndicators,
  FirmsPerDistrict,
  FirmsPerNode,
  OrgFacets,
  OrgSearchResponse,
} from "@clusterbrain/contracts";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { CredentialRow } from "../modules/auth/auth.repository.ts";
import type { GrantWindow } from "../modules/grants/grant.repository.ts";
import type { NodeRef, OrgRow } from "../modules/orgs/org.repository.ts";
import { TtlCache } from "./ttl-cache.ts";

const CREDENTIAL_TTL_MS = 10_000;
const AGGREGATE_TTL_MS = 10_000;
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Read models that every dashboard, directory or profile hit would otherwise recompute. None of
 * them depends on who asks: search hits and org cards hold public fields (private ones are cut per
 * caller by toOrgProfile), and grants are keyed by the grantor→grantee pair and judged per request.
 */
export class AggregateCache {
  readonly chainMap = new TtlCache<ChainMapResponse>(AGGREGATE_TTL_MS, 4);
  readonly firmsPerNode = new TtlCache<FirmsPerNode>(AGGREGATE_TTL_MS, 4);
  readonly clusterIndicators = new TtlCache<ClusterIndicators>(AGGREGATE_TTL_MS, 4);
  readonly districts = new TtlCache<FirmsPerDistrict>(AGGREGATE_TTL_MS, 4);
  readonly facets = new TtlCache<OrgFacets>(AGGREGATE_TTL_MS, 4);
  /** Directory search pages by normalised query. */
  readonly search: TtlCache<OrgSearchResponse>;
  /** An org row with its chain nodes, by id (null: no such org). */
  readonly orgCards: TtlCache<{ row: OrgRow; nodes: NodeRef[] } | null>;
  /** Unrevoked grants per grantor→grantee pair. */
  readonly grants: TtlCache<GrantWindow[]>;

  /** `directoryTtlMs` 0 turns the search, profile and grant caches off (to measure the uncached path). */
  constructor(directoryTtlMs = AGGREGATE_TTL_MS) {
    this.search = new TtlCache(directoryTtlMs, 2_000);
    this.orgCards = new TtlCache(directoryTtlMs, 20_000);
    this.grants = new TtlCache(directoryTtlMs, 20_000);
  }

  /** Call after any write that changes orgs, chain positions, relations, indicators or grants. */
  invalidate(): void {
    this.chainMap.clear();
    this.firmsPerNode.clear();
    this.clusterIndicators.clear();
    this.districts.clear();
    this.facets.clear();
    this.search.clear();
    this.orgCards.clear();
    this.grants.clear();
  }
}

/**
 * Per-app caches (never module globals: tests run several apps on different databases in one
 * process). Credentials are cached for 10 s so a request costs no session query; logout and
 * token revocation in this process take effect at once, elsewhere within the TTL.
 */
export class AppCaches {
  readonly credentials = new TtlCache<CredentialRow | null>(CREDENTIAL_TTL_MS, 20_000);
  readonly aggregates: AggregateCache;

  constructor(options: { directoryCache?: boolean } = {}) {
    this.aggregates = new AggregateCache(options.directoryCache === false ? 0 : AGGREGATE_TTL_MS);
  }
}

/**
 * onSend hook for the API scope: every write request (whatever module serves it: org edits,
 * imports, grants, chain edits) clears the read models before its answer leaves, so neither the
 * writer nor anyone after sees data older than the write. Its transaction has committed by then,
 * and a load that raced with it is discarded by TtlCache's generation check.
 */
export function invalidateReadModelsOnWrite(caches: AppCaches) {
  return async function invalidateOnWrite(request: FastifyRequest, _reply: FastifyReply, payload: unknown) {
    if (UNSAFE.has(request.method)) caches.aggregates.invalidate();
    return payload;
  };
}
