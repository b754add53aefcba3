import { and, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import {
  chainLinks,
  chainNodes,
  grants,
  growthMarketSignals,
  growthStrategyNotes,
  indicators,
  innovationProjectMembers,
  innovationProjects,
  orgChainNodes,
  orgs,
  relations,
  type StrategyGoalRow,
} from "../../db/schema/index.ts";

export interface GrowthOrg {
  id: string;
  kind: (typeof orgs.$inferSelect)["kind"];
  nameZh: string;
  nameEn: string;
  district: string;
  industryCode: string;
  sizeBand: (typeof orgs.$inferSelect)["sizeBand"];
  capabilities: number;
  equipment: number;
}

export type IndicatorRow = typeof indicators.$inferSelect;
export type MarketSignalRow = typeof growthMarketSignals.$inferSelect;

export interface RelationRow {
  orgId: string;
  supplierOrgId: string;
  customerOrgId: string;
  nodeId: string | null;
  volumeBand: (typeof relations.$inferSelect)["volumeBand"];
  sinceYear: number | null;
}

/** One member org of a joint project that is running or done (a collaboration tie for the network). */
export interface CoProjectMemberRow {
  projectId: string;
  orgId: string;
  year: number;
}

/** An active grant of one data class: grantor → grantee. */
export interface GrantPair {
  grantor: string;
  grantee: string;
  dataClass: string;
}

/** Every read the growth analytics need, in one place (all SQL of the module lives here). */
export class GrowthRepository {
  constructor(private readonly db: DbOrTx) {}

  async orgs(): Promise<GrowthOrg[]> {
    const rows = await this.db
      .select({
        id: orgs.id,
        kind: orgs.kind,
        nameZh: orgs.nameZh,
        nameEn: orgs.nameEn,
        district: orgs.district,
        industryCode: orgs.industryCode,
        sizeBand: orgs.sizeBand,
        capabilities: sql<number>`jsonb_array_length(${orgs.capabilities})`,
        equipment: sql<number>`jsonb_array_length(${orgs.keyEquipment})`,
      })
      .from(orgs);
    return rows.map((r) => ({ ...r, capabilities: Number(r.capabilities), equipment: Number(r.equipment) }));
  }

  positions(): Promise<{ orgId: string; nodeId: string }[]> {
    return this.db.select({ orgId: orgChainNodes.orgId, nodeId: orgChainNodes.nodeId }).from(orgChainNodes);
  }

  nodes(): Promise<(typeof chainNodes.$inferSelect)[]> {
    return this.db.select().from(chainNodes).orderBy(chainNodes.stage, chainNodes.sortOrder, chainNodes.id);
  }

  links(): Promise<{ fromNodeId: string; toNodeId: string }[]> {
    return this.db.select().from(chainLinks);
  }

  indicators(orgIds: readonly string[]): Promise<IndicatorRow[]> {
    if (orgIds.length === 0) return Promise.resolve([]);
    return this.db
      .select()
      .from(indicators)
      .where(inArray(indicators.orgId, [...orgIds]));
  }

  relations(recordedBy: readonly string[]): Promise<RelationRow[]> {
    if (recordedBy.length === 0) return Promise.resolve([]);
    return this.db
      .select({
        orgId: relations.orgId,
        supplierOrgId: relations.supplierOrgId,
        customerOrgId: relations.customerOrgId,
        nodeId: relations.nodeId,
        volumeBand: relations.volumeBand,
        sinceYear: relations.sinceYear,
      })
      .from(relations)
      .where(inArray(relations.orgId, [...recordedBy]));
  }

  /** Members of active and completed joint projects (cancelled ones tie nobody), among `orgIds`. */
  async coProjectMembers(orgIds: readonly string[]): Promise<CoProjectMemberRow[]> {
    if (!orgIds.length) return [];
    const rows = await this.db
      .select({
        projectId: innovationProjectMembers.projectId,
        orgId: innovationProjectMembers.orgId,
        createdAt: innovationProjects.createdAt,
      })
      .from(innovationProjectMembers)
      .innerJoin(innovationProjects, eq(innovationProjects.id, innovationProjectMembers.projectId))
      .where(
        and(
          inArray(innovationProjects.status, ["active", "completed"]),
          inArray(innovationProjectMembers.orgId, [...orgIds]),
        ),
      );
    return rows.map((r) => ({ projectId: r.projectId, orgId: r.orgId, year: r.createdAt.getUTCFullYear() }));
  }

  /** Relations the org is a party to (both parties see a relation, whoever recorded it). */
  relationsOfParty(orgId: string): Promise<RelationRow[]> {
    return this.db
      .select({
        orgId: relations.orgId,
        supplierOrgId: relations.supplierOrgId,
        customerOrgId: relations.customerOrgId,
        nodeId: relations.nodeId,
        volumeBand: relations.volumeBand,
        sinceYear: relations.sinceYear,
      })
      .from(relations)
      .where(or(eq(relations.supplierOrgId, orgId), eq(relations.customerOrgId, orgId)));
  }

  /** Unrevoked, unexpired grants to any of `grantees`. */
  async activeGrantsTo(grantees: readonly string[], now: Date): Promise<GrantPair[]> {
    if (grantees.length === 0) return [];
    return this.db
      .select({ grantor: grants.orgId, grantee: grants.granteeOrgId, dataClass: grants.dataClass })
      .from(grants)
      .where(
        and(inArray(grants.granteeOrgId, [...grantees]), isNull(grants.revokedAt), gt(grants.expiresAt, now)),
      );
  }

  marketSignals(): Promise<MarketSignalRow[]> {
    return this.db.select().from(growthMarketSignals);
  }

  async note(
    orgId: string,
  ): Promise<{ body: string; goals: StrategyGoalRow[]; updatedAt: Date } | undefined> {
    const [row] = await this.db
      .select()
      .from(growthStrategyNotes)
      .where(eq(growthStrategyNotes.orgId, orgId));
    return row;
  }

  async saveNote(orgId: string, body: string, goals: StrategyGoalRow[], at: Date): Promise<void> {
    await this.db
      .insert(growthStrategyNotes)
      .values({ orgId, body, goals, updatedAt: at })
      .onConflictDoUpdate({ target: growthStrategyNotes.orgId, set: { body, goals, updatedAt: at } });
  }
}
