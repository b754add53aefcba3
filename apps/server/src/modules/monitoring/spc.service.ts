import type { SpcChart } from "@clusterbrain/contracts";
import { capability, evaluateRules, individualsChart, listViolations } from "@clusterbrain/engine/monitor";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database } from "../../db/database.ts";
import { NotFoundError } from "../../errors/index.ts";
import { MonitoringRepository } from "./monitoring.repository.ts";

/** Most points one chart shows (the latest of the range). */
const MAX_POINTS = 2000;
/** Points the limits come from: the first of the range, at most this many. */
const BASELINE = 200;

/** A tag's SPC chart from its raw readings: individuals limits, Western Electric rules, capability. */
export class SpcService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  async chart(actor: Actor, tagId: string, hours: number): Promise<SpcChart> {
    policy.assert(actor, "monitoring.read", { kind: "org", orgId: actor.orgId });
    const repo = new MonitoringRepository(this.db);
    const tag = await repo.tag(actor.orgId, tagId);
    if (!tag) throw new NotFoundError("tag", tagId);
    const spec = await repo.specLimits(actor.orgId, tagId);
    const now = this.now().getTime();
    const hist = await repo.history(actor.orgId, tagId, now + 1, MAX_POINTS);
    const from = now - hours * 3_600_000;
    const ts: number[] = [];
    const xs: number[] = [];
    hist.ts.forEach((t, i) => {
      if (t >= from) {
        ts.push(t);
        xs.push(hist.xs[i]);
      }
    });
    const points = ts.map((t, i) => ({ ts: new Date(t).toISOString(), value: xs[i] }));
    const base = { tagId, tagKey: tag.key, unit: tag.unit, points, lsl: spec.low, usl: spec.high };
    const baselinePoints = Math.min(BASELINE, Math.floor(xs.length / 2));
    if (baselinePoints < 8)
      return { ...base, baselinePoints: 0, limits: null, violations: [], capability: null };
    const chart = individualsChart(xs.slice(0, baselinePoints));
    const loc = chart.location;
    const limits = { center: loc.center, sigma: loc.sigma, lcl: loc.lcl, ucl: loc.ucl };
    const violations =
      loc.sigma > 0
        ? listViolations(evaluateRules(xs, loc.center, loc.sigma), ["western-electric"]).map((v) => ({
            index: v.index,
            rule: v.rule,
          }))
        : [];
    let cap: SpcChart["capability"] = null;
    if ((spec.low !== null || spec.high !== null) && chart.sigmaWithin > 0) {
      const c = capability(
        xs,
        { lsl: spec.low ?? undefined, usl: spec.high ?? undefined },
        chart.sigmaWithin,
      );
      cap = { n: c.n, mean: c.mean, cp: c.cp, cpk: c.cpk, confidence: c.confidence, quotable: c.quotable };
    }
    return { ...base, baselinePoints, limits, violations, capability: cap };
  }
}
