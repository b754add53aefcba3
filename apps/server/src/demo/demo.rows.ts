import type { DemoCluster, DemoOrg } from "@clusterbrain/demo";
import type {
  chainLinks,
  chainNodes,
  indicators,
  memberships,
  orgChainNodes,
  orgSearchTokens,
  orgs,
  relations,
} from "../db/schema/index.ts";
import { orgSearchTokens as tokensOf } from "../modules/orgs/org-search.ts";

/** Database rows of the demo cluster, one array per table (ids are the generator's stable keys). */
export interface DemoRows {
  chainNodes: (typeof chainNodes.$inferInsert)[];
  chainLinks: (typeof chainLinks.$inferInsert)[];
  orgs: (typeof orgs.$inferInsert)[];
  orgChainNodes: (typeof orgChainNodes.$inferInsert)[];
  orgSearchTokens: (typeof orgSearchTokens.$inferInsert)[];
  relations: (typeof relations.$inferInsert)[];
  indicators: (typeof indicators.$inferInsert)[];
  memberships: (typeof memberships.$inferInsert)[];
}

export function demoUserId(persona: string): string {
  return `user-demo-${persona}`;
}

function orgRow(org: DemoOrg, at: Date): typeof orgs.$inferInsert {
  return {
    id: org.key,
    kind: org.kind,
    nameZh: org.nameZh,
    nameEn: org.nameEn,
    uscc: org.uscc,
    address: org.addressZh,
    district: org.districtZh,
    industryCode: org.industryCode,
    sizeBand: org.sizeBand,
    foundedYear: org.foundedYear,
    website: org.website,
    descriptionZh: org.descriptionZh,
    descriptionEn: org.descriptionEn,
    products: org.products.map((p) => ({ zh: p.nameZh, en: p.nameEn })),
    capabilities: org.capabilities.map((c) => ({ zh: c.zh, en: c.en })),
    certifications: org.certifications,
    patents: org.patents.map((p) => ({ number: p.number, title: p.title, year: p.grantYear })),
    keyEquipment: org.keyEquipment.map((e) => ({ name: e.nameZh, model: e.nameEn, count: e.count })),
    contactName: org.contactName,
    contactPhone: org.contactPhone,
    contactEmail: org.contactEmail,
    createdAt: at,
    updatedAt: at,
  };
}

/** Maps the generated records onto the backend's tables (no I/O). */
export function demoRows(cluster: DemoCluster, at: Date): DemoRows {
  const products = (org: DemoOrg) => org.products.map((p) => ({ zh: p.nameZh, en: p.nameEn }));
  return {
    chainNodes: cluster.chainNodes.map((n, i) => ({
      id: n.key,
      code: n.key,
      nameZh: n.nameZh,
      nameEn: n.nameEn,
      parentId: null,
      stage: n.stage,
      sortOrder: i,
    })),
    chainLinks: cluster.chainNodes.flatMap((n) =>
      n.upstream.map((from) => ({ fromNodeId: from, toNodeId: n.key })),
    ),
    orgs: cluster.orgs.map((o) => orgRow(o, at)),
    orgChainNodes: cluster.orgs.flatMap((o) => o.nodeKeys.map((nodeId) => ({ orgId: o.key, nodeId }))),
    orgSearchTokens: cluster.orgs.flatMap((o) =>
      tokensOf({
        nameZh: o.nameZh,
        nameEn: o.nameEn,
        products: products(o),
        capabilities: o.capabilities,
        certifications: o.certifications,
        industryCode: o.industryCode,
      }).map((t) => ({ orgId: o.key, token: t.token, field: t.field })),
    ),
    // The supplier records the relation; both parties see it.
    relations: cluster.relations.map((r, i) => ({
      id: `rel-demo-${String(i + 1).padStart(5, "0")}`,
      orgId: r.supplierKey,
      supplierOrgId: r.supplierKey,
      customerOrgId: r.customerKey,
      nodeId: r.nodeKey,
      product: r.productZh,
      volumeBand: r.volumeBand,
      sinceYear: r.sinceYear,
      createdAt: at,
    })),
    indicators: cluster.indicators.map((row) => ({
      orgId: row.orgKey,
      year: row.year,
      revenue: row.revenue,
      rdSpend: row.rdSpend,
      employees: row.employees,
      patents: row.patents,
      energyUse: row.energyUse,
      exports: row.exports,
      fixedAssets: row.fixedAssets,
      profit: row.profit,
    })),
    memberships: cluster.users.map((u) => ({
      orgId: u.orgKey,
      userId: demoUserId(u.persona),
      role: u.role,
      createdAt: at,
    })),
  };
}
