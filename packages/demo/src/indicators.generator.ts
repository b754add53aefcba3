import type { SeededRandom } from "@clusterbrain/engine/shared";
import { CHAIN_NODE_BY_KEY } from "./chain-nodes.data.ts";
import type { ChainCategory, DemoIndicator, DemoOrg, SizeBand } from "./demo.types.ts";
import { STORY_FIRMS } from "./stories.data.ts";

/** Typical ratios per chain category (revenue per employee in 万元, shares of revenue, tce per 万元). */
interface CategoryProfile {
  productivity: number;
  rdRatio: number;
  assetIntensity: number;
  energyIntensity: number;
  margin: number;
}

const PROFILES: Record<ChainCategory, CategoryProfile> = {
  magnetic: { productivity: 70, rdRatio: 0.035, assetIntensity: 0.9, energyIntensity: 0.25, margin: 0.07 },
  material: { productivity: 90, rdRatio: 0.03, assetIntensity: 0.8, energyIntensity: 0.12, margin: 0.06 },
  inductor: { productivity: 45, rdRatio: 0.05, assetIntensity: 0.55, energyIntensity: 0.05, margin: 0.08 },
  capacitor: { productivity: 55, rdRatio: 0.045, assetIntensity: 0.7, energyIntensity: 0.08, margin: 0.08 },
  component: { productivity: 50, rdRatio: 0.06, assetIntensity: 0.5, energyIntensity: 0.04, margin: 0.09 },
  ic: { productivity: 120, rdRatio: 0.15, assetIntensity: 0.25, energyIntensity: 0.01, margin: 0.1 },
  pcb: { productivity: 65, rdRatio: 0.04, assetIntensity: 0.85, energyIntensity: 0.12, margin: 0.06 },
  assembly: { productivity: 75, rdRatio: 0.035, assetIntensity: 0.4, energyIntensity: 0.03, margin: 0.05 },
  medical: { productivity: 95, rdRatio: 0.09, assetIntensity: 0.35, energyIntensity: 0.015, margin: 0.12 },
  hospital: { productivity: 40, rdRatio: 0.01, assetIntensity: 1, energyIntensity: 0.05, margin: 0.02 },
};

/** First-year revenue range in 万元 per size class (国家统计局 industry thresholds). */
const REVENUE_RANGE: Record<SizeBand, [number, number]> = {
  micro: [80, 300],
  small: [300, 2000],
  medium: [2000, 40000],
  large: [40000, 250000],
};

/** Cluster-wide shocks per year (2022 demand dip, recovery after). */
const YEAR_EFFECT: Record<number, number> = { 2021: 0, 2022: -0.05, 2023: 0.01, 2024: 0.03, 2025: 0.02 };

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Five years of indicators for every enterprise, consistent with its size class and chain category. */
export function generateIndicators(
  rng: SeededRandom,
  orgs: readonly DemoOrg[],
  years: readonly number[],
): DemoIndicator[] {
  const boost = new Map(STORY_FIRMS.map((s) => [s.key, s.growthBoost]));
  const rows: DemoIndicator[] = [];
  for (const org of orgs) {
    if (org.kind !== "enterprise") continue;
    const profile = PROFILES[CHAIN_NODE_BY_KEY.get(org.nodeKeys[0])!.category];
    const [lo, hi] = REVENUE_RANGE[org.sizeBand];
    let revenue = rng.logUniform(lo, hi);
    const trend = rng.normal(0.06, 0.07) + (boost.get(org.key) ?? 0);
    const productivity = profile.productivity * Math.exp(rng.normal(0, 0.25));
    const rdRatio = Math.max(0.005, profile.rdRatio * Math.exp(rng.normal(0, 0.35)));
    const assetIntensity = profile.assetIntensity * Math.exp(rng.normal(0, 0.25));
    const energyIntensity = profile.energyIntensity * Math.exp(rng.normal(0, 0.3));
    const margin = profile.margin + rng.normal(0, 0.04);
    const exportShare = rng.chance(0.4) ? 0 : rng.uniform(0.05, 0.6);
    years.forEach((year, t) => {
      if (t > 0)
        revenue = Math.max(50, revenue * (1 + trend + (YEAR_EFFECT[year] ?? 0) + rng.normal(0, 0.05)));
      // R&D intensity creeps up and energy intensity down over the period, as in the cluster's plans.
      const rdSpend = revenue * rdRatio * (1 + 0.04 * t);
      rows.push({
        orgKey: org.key,
        year,
        revenue: round1(revenue),
        profit: round1(revenue * (margin + rng.normal(0, 0.02))),
        rdSpend: round1(rdSpend),
        fixedAssets: round1(revenue * assetIntensity * Math.exp(rng.normal(0, 0.05))),
        exports: round1(Math.min(revenue, revenue * exportShare * Math.exp(rng.normal(0, 0.1)))),
        employees: Math.max(5, Math.round(revenue / (productivity * Math.exp(rng.normal(0, 0.05))))),
        energyUse: round1(revenue * energyIntensity * (1 - 0.02 * t)),
        patents: rng.poisson(rdSpend / 150),
      });
    });
  }
  return rows;
}
