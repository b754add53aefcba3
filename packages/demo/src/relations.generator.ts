import type { SeededRandom } from "@clusterbrain/engine/shared";
import { CHAIN_NODE_BY_KEY } from "./chain-nodes.data.ts";
import type { DemoOrg, DemoRelation, SizeBand, VolumeBand } from "./demo.types.ts";
import { FIRM_A_KEY, HELIAN_KEY, SHIYUAN_KEY } from "./stories.data.ts";

export const VOLUME_BANDS: readonly VolumeBand[] = ["lt1m", "1m-10m", "10m-50m", "50m-200m", "gt200m"];
const SIZE_INDEX: Record<SizeBand, number> = { micro: 0, small: 1, medium: 2, large: 3 };

function volumeBand(rng: SeededRandom, supplier: DemoOrg, customer: DemoOrg): VolumeBand {
  // Trade between two big firms is big; a micro firm never ships hundreds of millions.
  const score = Math.min(SIZE_INDEX[supplier.sizeBand], SIZE_INDEX[customer.sizeBand]) + rng.normal(0.3, 0.7);
  const index = Math.max(0, Math.min(VOLUME_BANDS.length - 1, Math.round(score)));
  return VOLUME_BANDS[index];
}

/** Builds relations without duplicates (one relation per supplier–customer–node). */
class RelationSet {
  readonly items: DemoRelation[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly rng: SeededRandom) {}

  add(supplier: DemoOrg, customer: DemoOrg, nodeKey: string): void {
    const id = `${supplier.key}>${customer.key}>${nodeKey}`;
    if (supplier.key === customer.key || this.seen.has(id)) return;
    this.seen.add(id);
    const node = CHAIN_NODE_BY_KEY.get(nodeKey)!;
    const own = supplier.products.filter((p) => p.nodeKey === nodeKey);
    const product =
      own.length > 0 ? this.rng.pick(own) : { nameZh: node.products[0].zh, nameEn: node.products[0].en };
    const earliest = Math.max(supplier.foundedYear, customer.foundedYear, 2010);
    this.items.push({
      supplierKey: supplier.key,
      customerKey: customer.key,
      nodeKey,
      productZh: product.nameZh,
      productEn: product.nameEn,
      volumeBand: volumeBand(this.rng, supplier, customer),
      sinceYear: this.rng.int(Math.min(earliest, 2025), 2025),
    });
  }
}

/**
 * Supplier→customer relations flowing down the chain: a customer on node N buys from firms on
 * N's upstream nodes. Hospitals buy devices; the paper's stories get their key relations.
 */
export function generateRelations(rng: SeededRandom, orgs: readonly DemoOrg[]): DemoRelation[] {
  const firmsOnNode = new Map<string, DemoOrg[]>();
  for (const org of orgs) {
    if (org.kind !== "enterprise") continue;
    for (const key of org.nodeKeys) firmsOnNode.set(key, [...(firmsOnNode.get(key) ?? []), org]);
  }
  const set = new RelationSet(rng);
  const customers = orgs.filter((o) => o.kind === "enterprise" || o.category === "hospital");
  for (const customer of customers) {
    const hospital = customer.category === "hospital";
    for (const nodeKey of customer.nodeKeys) {
      const node = CHAIN_NODE_BY_KEY.get(nodeKey)!;
      // Assemblers have many input nodes; fewer suppliers per input keeps degrees realistic.
      const perInput = node.upstream.length > 8 ? 2 : 3;
      for (const upstream of node.upstream) {
        const candidates = (firmsOnNode.get(upstream) ?? []).filter((s) => s.key !== customer.key);
        if (candidates.length === 0) continue;
        const k = rng.int(hospital ? 1 : 0, Math.min(perInput, candidates.length));
        for (const supplier of rng.sample(candidates, k)) set.add(supplier, customer, upstream);
      }
    }
  }
  const byKey = new Map(orgs.map((o) => [o.key, o]));
  const shiyuan = byKey.get(SHIYUAN_KEY);
  const helian = byKey.get(HELIAN_KEY);
  const firmA = byKey.get(FIRM_A_KEY);
  // Precision marketing: 世源 supplies monitors to every hospital in the cluster.
  if (shiyuan) {
    for (const h of orgs.filter((o) => o.category === "hospital")) set.add(shiyuan, h, "patient-monitor");
  }
  // The smart plant assembles boards for 世源 and buys 华磁's chokes for its medical power supplies.
  if (helian && shiyuan) set.add(helian, shiyuan, "pcba");
  if (firmA && helian) set.add(firmA, helian, "common-mode-choke");
  if (firmA) {
    for (const customer of firmsOnNode.get("power-module") ?? []) set.add(firmA, customer, "power-inductor");
  }
  return set.items;
}
