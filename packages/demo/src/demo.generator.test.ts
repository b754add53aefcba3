import { isValidUscc } from "@clusterbrain/contracts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHAIN_NODE_BY_KEY } from "./chain-nodes.data.ts";
import { orgCodeCheckChar } from "./codes.generator.ts";
import { generateDemoCluster } from "./demo.generator.ts";

const cluster = generateDemoCluster();
const orgByKey = new Map(cluster.orgs.map((o) => [o.key, o]));

describe("generateDemoCluster", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    expect(generateDemoCluster(20250607)).toEqual(cluster);
    const other = generateDemoCluster(7);
    expect(other.orgs.map((o) => o.uscc)).not.toEqual(cluster.orgs.map((o) => o.uscc));
  });

  it("meets the minimum sizes of the issue", () => {
    const count = (pred: (kind: string) => boolean) => cluster.orgs.filter((o) => pred(o.kind)).length;
    expect(cluster.orgs.length).toBeGreaterThanOrEqual(300);
    expect(count((k) => k === "enterprise")).toBeGreaterThanOrEqual(250);
    expect(count((k) => k === "university" || k === "institute")).toBeGreaterThanOrEqual(5);
    expect(count((k) => k === "service")).toBeGreaterThanOrEqual(5);
    expect(count((k) => k === "operator")).toBe(1);
    expect(cluster.chainNodes.length).toBeGreaterThanOrEqual(40);
    expect(cluster.relations.length).toBeGreaterThanOrEqual(1000);
  });

  it("gives every org a unique, valid 统一社会信用代码 with a valid organisation code inside", () => {
    for (const org of cluster.orgs) {
      expect(isValidUscc(org.uscc), `${org.nameZh} ${org.uscc}`).toBe(true);
      expect(orgCodeCheckChar(org.uscc.slice(8, 16))).toBe(org.uscc[16]);
      expect(org.uscc.slice(2, 8)).toBe(org.divisionCode);
    }
    expect(new Set(cluster.orgs.map((o) => o.uscc)).size).toBe(cluster.orgs.length);
    expect(new Set(cluster.orgs.map((o) => o.nameZh)).size).toBe(cluster.orgs.length);
    expect(new Set(cluster.orgs.map((o) => o.key)).size).toBe(cluster.orgs.length);
  });

  it("keeps USCCs valid for any seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const orgs = generateDemoCluster(seed).orgs;
        return orgs.every((o) => isValidUscc(o.uscc));
      }),
      { numRuns: 5 },
    );
  });

  it("puts every firm and hospital on existing chain nodes and gives firms products", () => {
    for (const org of cluster.orgs) {
      for (const key of org.nodeKeys) expect(CHAIN_NODE_BY_KEY.has(key), key).toBe(true);
      if (org.kind === "enterprise" || org.category === "hospital")
        expect(org.nodeKeys.length).toBeGreaterThan(0);
      if (org.kind === "enterprise") expect(org.products.length).toBeGreaterThan(0);
    }
  });

  it("lets relations flow downstream between existing orgs, never to itself, without duplicates", () => {
    const seen = new Set<string>();
    for (const r of cluster.relations) {
      const supplier = orgByKey.get(r.supplierKey);
      const customer = orgByKey.get(r.customerKey);
      expect(supplier && customer).toBeTruthy();
      expect(r.supplierKey).not.toBe(r.customerKey);
      expect(supplier!.nodeKeys).toContain(r.nodeKey);
      const consumes = customer!.nodeKeys.some((k) => CHAIN_NODE_BY_KEY.get(k)!.upstream.includes(r.nodeKey));
      expect(consumes, `${r.customerKey} does not consume ${r.nodeKey}`).toBe(true);
      const supplierStage = CHAIN_NODE_BY_KEY.get(r.nodeKey)!.stage;
      const customerStage = Math.max(...customer!.nodeKeys.map((k) => CHAIN_NODE_BY_KEY.get(k)!.stage));
      expect(supplierStage).toBeLessThanOrEqual(customerStage);
      const id = `${r.supplierKey}>${r.customerKey}>${r.nodeKey}`;
      expect(seen.has(id)).toBe(false);
      seen.add(id);
    }
  });

  it("has five years of consistent indicators for every enterprise", () => {
    const enterprises = cluster.orgs.filter((o) => o.kind === "enterprise");
    expect(cluster.indicators.length).toBe(enterprises.length * 5);
    for (const row of cluster.indicators) {
      expect(orgByKey.get(row.orgKey)?.kind).toBe("enterprise");
      expect(cluster.years).toContain(row.year);
      expect(row.revenue).toBeGreaterThan(0);
      expect(row.rdSpend).toBeGreaterThan(0);
      expect(row.rdSpend).toBeLessThan(row.revenue);
      expect(row.exports).toBeLessThanOrEqual(row.revenue);
      expect(row.employees).toBeGreaterThanOrEqual(5);
      expect(row.fixedAssets).toBeGreaterThan(0);
      expect(row.energyUse).toBeGreaterThan(0);
      expect(Number.isInteger(row.patents)).toBe(true);
    }
  });

  it("makes a search for 电感 find several inductor makers", () => {
    const inductorFirms = cluster.orgs.filter(
      (o) => o.nameZh.includes("电感") && o.products.some((p) => p.nameZh.includes("电感")),
    );
    expect(inductorFirms.length).toBeGreaterThanOrEqual(5);
    expect(inductorFirms.some((o) => /Inductor/.test(o.nameEn))).toBe(true);
  });

  it("includes the paper's example firms and one user per persona", () => {
    const names = cluster.orgs.map((o) => o.nameZh);
    expect(names).toContain("世源科技(嘉兴)医疗电子有限公司");
    expect(names).toContain("嘉兴学院");
    for (const story of cluster.stories) {
      for (const key of story.orgKeys) expect(orgByKey.has(key), key).toBe(true);
    }
    for (const coop of cluster.cooperations) {
      for (const key of coop.orgKeys) expect(orgByKey.has(key), key).toBe(true);
    }
    expect(cluster.users.map((u) => u.persona).sort()).toEqual([
      "admin",
      "member",
      "operator",
      "owner",
      "partner",
      "supplier",
      "viewer",
    ]);
    for (const user of cluster.users) expect(orgByKey.has(user.orgKey)).toBe(true);
    expect(orgByKey.get(cluster.users.find((u) => u.persona === "operator")!.orgKey)?.kind).toBe("operator");
  });

  it("leaves some chain nodes with at most one in-cluster supplier (weak links to show)", () => {
    const suppliersPerNode = new Map<string, Set<string>>();
    for (const r of cluster.relations) {
      suppliersPerNode.set(r.nodeKey, (suppliersPerNode.get(r.nodeKey) ?? new Set()).add(r.supplierKey));
    }
    const weak = [...suppliersPerNode].filter(([, s]) => s.size <= 1).map(([node]) => node);
    expect(weak).toEqual(expect.arrayContaining(["amorphous-ribbon", "tantalum-cap"]));
    expect(weak.length).toBeLessThan(6);
  });
});
