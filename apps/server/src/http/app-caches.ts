import type {
  ChainMapResponse,
  ClusterIndicators,
  FirmsPerDistrict,
  FirmsPerNode,
  OrgFacets,
} from "@clusterbrain/contracts";
import type { CredentialRow } from "../modules/auth/auth.repository.ts";
import { TtlCache } from "./ttl-cache.ts";

const CREDENTIAL_TTL_MS = 10_000;
const AGGREGATE_TTL_MS = 10_000;

/** Cluster-wide read models that every dashboard hit would otherwise recompute. */
export class AggregateCache {
  readonly chainMap = new TtlCache<ChainMapResponse>(AGGREGATE_TTL_MS, 4);
  readonly firmsPerNode = new TtlCache<FirmsPerNode>(AGGREGATE_TTL_MS, 4);
  readonly clusterIndicators = new TtlCache<ClusterIndicators>(AGGREGATE_TTL_MS, 4);
  readonly districts = new TtlCache<FirmsPerDistrict>(AGGREGATE_TTL_MS, 4);
  readonly facets = new TtlCache<OrgFacets>(AGGREGATE_TTL_MS, 4);

  /** Call after any write that changes orgs, chain positions, relations or indicators. */
  invalidate(): void {
    this.chainMap.clear();
    this.firmsPerNode.clear();
    this.clusterIndicators.clear();
    this.districts.clear();
    this.facets.clear();
  }
}

/**
 * Per-app caches (never module globals: tests run several apps on different databases in one
 * process). Credentials are cached for 10 s so a request costs no session query; logout and
 * token revocation in this process take effect at once, elsewhere within the TTL.
 */
export class AppCaches {
  readonly credentials = new TtlCache<CredentialRow | null>(CREDENTIAL_TTL_MS, 20_000);
  readonly aggregates = new AggregateCache();
}
