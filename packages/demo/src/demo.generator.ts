import { SeededRandom } from "@clusterbrain/engine/shared";
import { CHAIN_NODES } from "./chain-nodes.data.ts";
import { generateCooperations } from "./cooperations.generator.ts";
import type { DemoCluster } from "./demo.types.ts";
import { DISTRICTS } from "./districts.data.ts";
import { generateIndicators } from "./indicators.generator.ts";
import { generateOrgs } from "./orgs.generator.ts";
import { generateRelations } from "./relations.generator.ts";
import { DEMO_USERS, STORIES } from "./stories.data.ts";

export const DEFAULT_DEMO_SEED = 20250607;
export const DEMO_YEARS: readonly number[] = [2021, 2022, 2023, 2024, 2025];

/** Independent random stream per part, so changing one part's draws leaves the others unchanged. */
function stream(seed: number, part: number): SeededRandom {
  return new SeededRandom(Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) + part * 0x632be5ab);
}

/**
 * The demo cluster: a Jiaxing electronic-components and medical-electronics cluster. Pure and
 * deterministic: the same seed always gives the same records.
 */
export function generateDemoCluster(seed: number = DEFAULT_DEMO_SEED): DemoCluster {
  const orgs = generateOrgs(stream(seed, 1));
  return {
    seed,
    nameZh: "嘉兴电子元器件与医疗电子产业集群",
    nameEn: "Jiaxing Electronic Components & Medical Electronics Cluster",
    years: [...DEMO_YEARS],
    districts: DISTRICTS.map((d) => ({ ...d, roads: [...d.roads] })),
    chainNodes: CHAIN_NODES.map((n) => ({ ...n, upstream: [...n.upstream], products: [...n.products] })),
    orgs,
    relations: generateRelations(stream(seed, 2), orgs),
    indicators: generateIndicators(stream(seed, 3), orgs, DEMO_YEARS),
    cooperations: generateCooperations(stream(seed, 4), orgs),
    stories: STORIES.map((s) => ({ ...s, orgKeys: [...s.orgKeys] })),
    users: DEMO_USERS.map((u) => ({ ...u })),
  };
}
