import { randomUUID } from "node:crypto";
import type {
  ChainMapResponse,
  ChainNode,
  ChainNodeOrgsResponse,
  Relation,
  RelationCreateRequest,
  RelationList,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { DbOrTx } from "../../db/database.ts";
import { NotFoundError, ValidationError } from "../../errors/index.ts";
import type { AggregateCache } from "../../http/app-caches.ts";
import { K_MIN, suppressBelowK } from "../../privacy/k-anonymity.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { requirePrivateRead } from "../grants/grant-access.ts";
import { toOrgSummary } from "../orgs/org.mapper.ts";
import { OrgRepository } from "../orgs/org.repository.ts";
import { type ChainNodeRow, ChainRepository, type RelationView } from "./chain.repository.ts";

function toChainNode(n: ChainNodeRow): ChainNode {
  return {
    id: n.id,
    code: n.code,
    nameZh: n.nameZh,
    nameEn: n.nameEn,
    parentId: n.parentId,
    stage: n.stage,
    sortOrder: n.sortOrder,
  };
}

function toRelation(r: RelationView): Relation {
  return {
    id: r.id,
    supplierOrgId: r.supplierOrgId,
    supplierNameZh: r.supplierNameZh,
    supplierNameEn: r.supplierNameEn,
    customerOrgId: r.customerOrgId,
    customerNameZh: r.customerNameZh,
    customerNameEn: r.customerNameEn,
    nodeId: r.nodeId,
    product: r.product,
    volumeBand: r.volumeBand,
    sinceYear: r.sinceYear,
  };
}

export class ChainService {
  constructor(
    private readonly db: DbOrTx,
    private readonly now: () => Date,
    private readonly aggregates: AggregateCache,
  ) {}

  async nodes(): Promise<{ items: ChainNode[] }> {
    return { items: (await new ChainRepository(this.db).nodes()).map(toChainNode) };
  }

  /**
   * The chain map: nodes with their org counts (public positions) and 断链风险 flags, and flows
   * along chain links aggregated over relations and k-suppressed (min of distinct suppliers and
   * distinct customers must reach k, so no single firm's trade shows through).
   */
  async map(): Promise<ChainMapResponse> {
    return this.aggregates.chainMap.getOrLoad("map", () => this.computeMap());
  }

  private async computeMap(): Promise<ChainMapResponse> {
    const repo = new ChainRepository(this.db);
    const [nodes, orgCounts, firmCounts, links, flows] = await Promise.all([
      repo.nodes(),
      repo.orgCountsByNode(),
      repo.firmCountsByNode(),
      repo.links(),
      repo.linkFlows(),
    ]);
    const flowByLink = new Map(flows.map((f) => [`${f.fromNodeId}\u0000${f.toNodeId}`, f]));
    // Only a node that feeds another node is a supply link; the chain's end nodes (hospitals)
    // are its market, and flagging them as 断链风险 because hospitals are not firms misleads.
    const feeding = new Set(links.map((l) => l.fromNodeId));
    return {
      k: K_MIN,
      nodes: nodes.map((n) => ({
        ...toChainNode(n),
        firmCount: orgCounts.get(n.id) ?? 0,
        // A weak link has at most one in-cluster firm able to supply it.
        weakLink: feeding.has(n.id) && (firmCounts.get(n.id) ?? 0) <= 1,
      })),
      edges: links.map((l) => {
        const f = flowByLink.get(`${l.fromNodeId}\u0000${l.toNodeId}`);
        const relations = f
          ? suppressBelowK(f.relations, Math.min(f.suppliers, f.customers))
          : suppressBelowK(0, 0);
        return { fromNodeId: l.fromNodeId, toNodeId: l.toNodeId, relations };
      }),
    };
  }

  async nodeOrgs(nodeId: string): Promise<ChainNodeOrgsResponse> {
    const repo = new ChainRepository(this.db);
    const node = await repo.node(nodeId);
    if (!node) throw new NotFoundError("chain node", nodeId);
    const ids = await repo.orgIdsOnNode(nodeId);
    const orgRepo = new OrgRepository(this.db);
    const rows = await orgRepo.findByIds(ids);
    const nodes = await orgRepo.chainNodesOf(ids);
    rows.sort((a, b) => (a.nameZh < b.nameZh ? -1 : a.nameZh > b.nameZh ? 1 : a.id < b.id ? -1 : 1));
    return { node: toChainNode(node), orgs: rows.map((r) => toOrgSummary(r, nodes.get(r.id) ?? [])) };
  }

  /** An org's relations: visible to its own staff, or through a 'relations' grant (audited). */
  async relationsOf(actor: Actor, orgId: string): Promise<RelationList> {
    const access = await requirePrivateRead(this.db, actor, orgId, "relations", this.now());
    const repo = new ChainRepository(this.db);
    if (!(await repo.orgExists(orgId))) throw new NotFoundError("org", orgId);
    return { orgId, access, items: (await repo.relationsOf(orgId)).map(toRelation) };
  }

  /** Record a relation my org is party to; the other party must be in the registry. */
  async createRelation(actor: Actor, input: RelationCreateRequest): Promise<Relation> {
    const supplierIsMine = policy.isOwnOrg(actor, input.supplierOrgId);
    if (!supplierIsMine && !policy.isOwnOrg(actor, input.customerOrgId)) {
      throw ValidationError.field("supplierOrgId", "your organisation must be the supplier or the customer");
    }
    if (input.supplierOrgId === input.customerOrgId) {
      throw ValidationError.field("customerOrgId", "supplier and customer must differ");
    }
    const mine = supplierIsMine ? input.supplierOrgId : input.customerOrgId;
    policy.assert(actor, "relation.create", { kind: "org", orgId: mine });
    const now = this.now();
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      const repo = new ChainRepository(tx);
      const other = supplierIsMine ? input.customerOrgId : input.supplierOrgId;
      if (!(await repo.orgExists(other)))
        throw ValidationError.field(
          supplierIsMine ? "customerOrgId" : "supplierOrgId",
          `unknown organisation ${other}`,
        );
      if (input.nodeId && !(await repo.node(input.nodeId)))
        throw ValidationError.field("nodeId", `unknown chain node ${input.nodeId}`);
      // A second relation with the same supplier, customer and product is refused by the unique key
      // relations_party_product_key (a 409), also when several staff record it at once.
      await repo.insertRelation({
        id,
        orgId: mine,
        supplierOrgId: input.supplierOrgId,
        customerOrgId: input.customerOrgId,
        nodeId: input.nodeId ?? null,
        product: input.product,
        volumeBand: input.volumeBand,
        sinceYear: input.sinceYear ?? null,
        createdAt: now,
      });
      // Both parties see the change in their audit logs.
      for (const orgId of [input.supplierOrgId, input.customerOrgId]) {
        await writeAudit(
          tx,
          actor,
          { orgId, action: "relation.create", entity: "relation", entityId: id, after: input },
          now,
        );
      }
    });
    this.aggregates.invalidate();
    const created = await new ChainRepository(this.db).relationById(id);
    if (!created) throw new NotFoundError("relation", id);
    return toRelation(created);
  }

  async deleteRelation(actor: Actor, id: string): Promise<void> {
    const now = this.now();
    await this.db.transaction(async (tx) => {
      const repo = new ChainRepository(tx);
      const row = await repo.relationById(id);
      if (!row) throw new NotFoundError("relation", id);
      policy.assert(actor, "relation.delete", {
        kind: "relation",
        id,
        supplierOrgId: row.supplierOrgId,
        customerOrgId: row.customerOrgId,
      });
      await repo.deleteRelation(id);
      for (const orgId of [row.supplierOrgId, row.customerOrgId]) {
        await writeAudit(
          tx,
          actor,
          { orgId, action: "relation.delete", entity: "relation", entityId: id, before: toRelation(row) },
          now,
        );
      }
    });
    this.aggregates.invalidate();
  }
}
