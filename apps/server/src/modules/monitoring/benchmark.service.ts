import type { BenchmarkList, BenchmarkRow } from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database } from "../../db/database.ts";
import { K_MIN, suppressBelowK } from "../../privacy/k-anonymity.ts";
import { BenchmarkRepository } from "./benchmark.repository.ts";

const DAYS = 7;

function median(xs: readonly number[]): number {
  return quantile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );
}

/** Linear-interpolated quantile of sorted values. */
function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The cluster benchmark: one Cpk per firm and process type (the median over its tags), then
 * quartiles across the contributing firms — through the one k ≥ 3 rule, so fewer than three
 * contributing firms show nothing — and where the caller's own figure stands.
 */
export class BenchmarkService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  async list(actor: Actor): Promise<BenchmarkList> {
    policy.assert(actor, "monitoring.read", { kind: "org", orgId: actor.orgId });
    const now = this.now();
    const rows = await new BenchmarkRepository(this.db).capabilities(
      actor.orgId,
      new Date(now.getTime() - DAYS * 86_400_000),
      now,
    );
    // processType → orgId → Cpk values of its tags
    const byType = new Map<string, Map<string, { cpks: number[]; contributes: boolean }>>();
    for (const r of rows) {
      const firms = byType.get(r.processType) ?? new Map();
      byType.set(r.processType, firms);
      const f = firms.get(r.orgId) ?? { cpks: [], contributes: r.contributes };
      firms.set(r.orgId, f);
      f.cpks.push(r.cpk);
    }
    const items: BenchmarkRow[] = [];
    for (const [processType, firms] of [...byType].sort(([a], [b]) => a.localeCompare(b))) {
      const values = [...firms.values()].filter((f) => f.contributes).map((f) => median(f.cpks));
      const own = firms.get(actor.orgId);
      const mine = own ? round(median(own.cpks)) : null;
      const gate = suppressBelowK(values.length, values.length, K_MIN);
      const sorted = values.sort((a, b) => a - b);
      const [q1, med, q3] = gate.suppressed
        ? [null, null, null]
        : [0.25, 0.5, 0.75].map((q) => round(quantile(sorted, q)));
      items.push({
        processType,
        metric: "cpk",
        firms: gate.firms,
        suppressed: gate.suppressed,
        q1,
        median: med,
        q3,
        mine,
        myQuartile:
          mine === null || q1 === null || med === null || q3 === null
            ? null
            : mine < q1
              ? 1
              : mine < med
                ? 2
                : mine < q3
                  ? 3
                  : 4,
      });
    }
    // Only process types the caller has a figure for, or that are shown: a suppressed row of
    // other firms' process types would still tell that one or two firms run such machines.
    return { days: DAYS, items: items.filter((i) => i.mine !== null || !i.suppressed) };
  }
}
