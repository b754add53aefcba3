import type { OeeBenchmarkList, OeeBenchmarkRow } from "@clusterbrain/contracts";
import { combineOee, type OeeResult } from "@clusterbrain/engine/monitor";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database } from "../../db/database.ts";
import { K_MIN, suppressBelowK } from "../../privacy/k-anonymity.ts";
import { figures, machineOee, periodsOf } from "./oee.calc.ts";
import { OeeRepository } from "./oee.repository.ts";
import { loadMachines } from "./oee.service.ts";

const DAYS = 7;

/** Linear-interpolated quantile of sorted values. */
function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The cluster OEE benchmark, shaped like the Cpk one: one OEE per firm and process type over the
 * last 7 days (its machines of that type combined from summed times), quartiles across the firms
 * that granted "equipment" to the operator through the one k ≥ 3 rule, and where the caller stands.
 */
export class OeeBenchmarkService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  /** processType → OEE of one org over [from, to) (types without a figure are left out). */
  private async firmOee(orgId: string, from: number, to: number): Promise<Map<string, number>> {
    const machines = await new OeeRepository(this.db).machines(orgId);
    const loaded = await loadMachines(
      this.db,
      orgId,
      machines.map((m) => m.id),
      from,
      to,
    );
    const periods = periodsOf(from, to, "day");
    const byType = new Map<string, OeeResult[]>();
    loaded.inputs.forEach((input, i) => {
      const r = machineOee(input, periods);
      if (!r.hasIdeal || r.total.totalCount === 0) return;
      const list = byType.get(machines[i].processType) ?? [];
      list.push(r.total);
      byType.set(machines[i].processType, list);
    });
    const out = new Map<string, number>();
    for (const [type, rows] of byType) {
      const oee = figures(combineOee(rows, orgId, "all")).oee;
      if (oee !== null) out.set(type, oee);
    }
    return out;
  }

  async list(actor: Actor): Promise<OeeBenchmarkList> {
    policy.assert(actor, "monitoring.read", { kind: "org", orgId: actor.orgId });
    const now = this.now();
    const to = now.getTime();
    const from = to - DAYS * 86_400_000;
    const contributors = await new OeeRepository(this.db).contributors(now);
    const orgIds = [...new Set([...contributors, actor.orgId])];
    const perOrg = new Map<string, Map<string, number>>();
    for (const orgId of orgIds) perOrg.set(orgId, await this.firmOee(orgId, from, to));
    const types = [...new Set([...perOrg.values()].flatMap((m) => [...m.keys()]))].sort();
    const items: OeeBenchmarkRow[] = types.map((processType) => {
      const values = contributors
        .map((o) => perOrg.get(o)?.get(processType))
        .filter((v): v is number => v !== undefined)
        .sort((a, b) => a - b);
      const own = perOrg.get(actor.orgId)?.get(processType);
      const mine = own === undefined ? null : round(own);
      const gate = suppressBelowK(values.length, values.length, K_MIN);
      const [q1, median, q3] = gate.suppressed
        ? [null, null, null]
        : [0.25, 0.5, 0.75].map((q) => round(quantile(values, q)));
      return {
        processType,
        metric: "oee",
        firms: gate.firms,
        suppressed: gate.suppressed,
        q1,
        median,
        q3,
        mine,
        myQuartile:
          mine === null || q1 === null || median === null || q3 === null
            ? null
            : mine < q1
              ? 1
              : mine < median
                ? 2
                : mine < q3
                  ? 3
                  : 4,
      };
    });
    // A suppressed row of other firms' process types would still tell that one or two firms run them.
    return { days: DAYS, items: items.filter((i) => i.mine !== null || !i.suppressed) };
  }
}
