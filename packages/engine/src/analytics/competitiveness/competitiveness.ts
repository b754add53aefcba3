import { AnalyticsError } from "../errors.ts";
import { entropyWeights, type Indicator, normaliseIndicators, topsis } from "./entropy-topsis.ts";

export type SizeBand = "micro" | "small" | "medium" | "large";

/**
 * Size band of an industrial firm by employees, after China's SME classification for industry
 * (工信部联企业〔2011〕300号: micro < 20, small < 300, medium < 1000 employees).
 */
export function sizeBand(employees: number): SizeBand {
  if (!Number.isFinite(employees) || employees < 0) {
    throw new AnalyticsError("INVALID_INPUT", `employees must be a non-negative number, got ${employees}`);
  }
  return employees < 20 ? "micro" : employees < 300 ? "small" : employees < 1000 ? "medium" : "large";
}

export interface FirmIndicators {
  id: string;
  name?: string;
  chainNode?: string;
  sizeBand?: SizeBand;
  district?: string;
  values: readonly number[];
}

export type PeerKey = "chainNode" | "sizeBand" | "district";

export interface IndicatorStanding {
  key: string;
  value: number;
  /** Mid-rank percentile within the peer group, direction-aligned (100 = best). */
  percentile: number;
  weight: number;
  /** Weighted gap to the group mean on the normalised scale: what this indicator adds to the rank. */
  contribution: number;
}

export interface FirmStanding {
  id: string;
  group: string;
  groupSize: number;
  score: number;
  rank: number;
  standings: IndicatorStanding[];
  explanation: { zh: string; en: string };
}

export interface CompetitivenessResult {
  /** Entropy weights per peer group (each group is scored on its own). */
  weights: Record<string, number[]>;
  firms: FirmStanding[];
}

/** Peer groups: firms sharing the values of every key in `by` (an empty `by` puts everyone together). */
export function peerGroups(firms: readonly FirmIndicators[], by: readonly PeerKey[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  firms.forEach((f, i) => {
    const key = by.length === 0 ? "all" : by.map((k) => f[k] ?? "(none)").join(" / ");
    const list = groups.get(key) ?? [];
    list.push(i);
    groups.set(key, list);
  });
  return groups;
}

/** Mid-rank percentile of each value: 100 × (#below + ½ #equal) / n. */
export function percentileRanks(values: readonly number[]): number[] {
  const n = values.length;
  return values.map((v) => {
    let below = 0;
    let equal = 0;
    for (const w of values) {
      if (w < v) below++;
      else if (w === v) equal++;
    }
    return (100 * (below + 0.5 * equal)) / n;
  });
}

const pct = (v: number) => `${Math.round(v)}`;
const share = (w: number) => `${Math.round(w * 100)}%`;

function explain(f: FirmStanding, indicators: readonly Indicator[]): { zh: string; en: string } {
  const label = (key: string, lang: "zh" | "en") => {
    const ind = indicators.find((i) => i.key === key);
    return (lang === "zh" ? ind?.zh : ind?.en) ?? key;
  };
  const sorted = [...f.standings].sort((a, b) => b.contribution - a.contribution);
  const strengths = sorted.filter((s) => s.contribution > 1e-9).slice(0, 2);
  const drags = sorted
    .filter((s) => s.contribution < -1e-9)
    .reverse()
    .slice(0, 2);
  const top = Math.max(1, Math.round((100 * f.rank) / f.groupSize));
  const en = [
    `Ranked ${f.rank} of ${f.groupSize} in peer group "${f.group}" (top ${top}%), composite score ${f.score.toFixed(3)}.`,
    strengths.length > 0
      ? `Lifted most by ${strengths.map((s) => `${label(s.key, "en")} (${pct(s.percentile)}th percentile, weight ${share(s.weight)})`).join(" and ")}.`
      : "No indicator lifts it above the group average.",
    drags.length > 0
      ? `Held back most by ${drags.map((s) => `${label(s.key, "en")} (${pct(s.percentile)}th percentile, weight ${share(s.weight)})`).join(" and ")}.`
      : "No indicator holds it below the group average.",
  ].join(" ");
  const zh = [
    `在同组“${f.group}”${f.groupSize}家企业中排名第${f.rank}（前${top}%），综合得分${f.score.toFixed(3)}。`,
    strengths.length > 0
      ? `主要优势：${strengths.map((s) => `${label(s.key, "zh")}（第${pct(s.percentile)}百分位，权重${share(s.weight)}）`).join("、")}。`
      : "没有指标高于同组平均。",
    drags.length > 0
      ? `主要短板：${drags.map((s) => `${label(s.key, "zh")}（第${pct(s.percentile)}百分位，权重${share(s.weight)}）`).join("、")}。`
      : "没有指标低于同组平均。",
  ].join("");
  return { zh, en };
}

/**
 * Competitiveness within peer groups: indicators are min–max normalised per group, weighted by
 * entropy, combined by TOPSIS, and each firm's rank is explained by the indicators whose weighted
 * gap to the group mean helps or hurts it most. Groups of one firm score 1 with equal weights.
 */
export function competitiveness(
  firms: readonly FirmIndicators[],
  indicators: readonly Indicator[],
  options: { groupBy?: readonly PeerKey[] } = {},
): CompetitivenessResult {
  const groups = peerGroups(firms, options.groupBy ?? []);
  const weightsByGroup: Record<string, number[]> = {};
  const out: FirmStanding[] = new Array(firms.length);
  for (const [group, members] of groups) {
    const values = members.map((i) => firms[i].values);
    const r = normaliseIndicators(values, indicators);
    const weights =
      members.length >= 2 ? entropyWeights(r).weights : indicators.map(() => 1 / indicators.length);
    weightsByGroup[group] = weights;
    const t = topsis(r, weights);
    const means = indicators.map((_, j) => r.reduce((a, row) => a + row[j], 0) / r.length);
    const pcts = indicators.map((_, j) => percentileRanks(r.map((row) => row[j])));
    members.forEach((fi, k) => {
      const standings = indicators.map(
        (ind, j): IndicatorStanding => ({
          key: ind.key,
          value: firms[fi].values[j],
          percentile: pcts[j][k],
          weight: weights[j],
          contribution: weights[j] * (r[k][j] - means[j]),
        }),
      );
      const standing: FirmStanding = {
        id: firms[fi].id,
        group,
        groupSize: members.length,
        score: t.closeness[k],
        rank: t.rank[k],
        standings,
        explanation: { zh: "", en: "" },
      };
      standing.explanation = explain(standing, indicators);
      out[fi] = standing;
    });
  }
  return { weights: weightsByGroup, firms: out };
}
