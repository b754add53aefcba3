import type {
  GrowthDrill,
  GrowthDrillQuery,
  GrowthJobRequest,
  GrowthMacro,
  GrowthMeso,
  GrowthMicro,
  GrowthQuery,
  GrowthStrategy,
  JobSummary,
  StrategyNote,
  StrategyNoteWrite,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { DbOrTx } from "../../db/database.ts";
import { ForbiddenError, ValidationError } from "../../errors/index.ts";
import { K_MIN } from "../../privacy/k-anonymity.ts";
import { writeAudit } from "../audit/audit.service.ts";
import type { JobService } from "../jobs/job.service.ts";
import { loadGrowthPool } from "./growth.pool.ts";
import { GrowthRepository } from "./growth.repository.ts";
import { macro } from "./growth-macro.service.ts";
import { meso } from "./growth-meso.service.ts";
import { deaData, deaYearRows, micro } from "./growth-micro.service.ts";
import { strategy } from "./growth-strategy.service.ts";

const DRILL_LIMIT = 200;

/** Growth dashboards and the strategy workbench for one viewer (see growth.pool.ts for whose data). */
export class GrowthService {
  constructor(
    private readonly db: DbOrTx,
    private readonly now: () => Date,
  ) {}

  async micro(actor: Actor, query: GrowthQuery): Promise<GrowthMicro> {
    return micro(await loadGrowthPool(this.db, actor, this.now()), query);
  }

  async meso(actor: Actor, query: GrowthQuery): Promise<GrowthMeso> {
    return meso(await loadGrowthPool(this.db, actor, this.now()), query);
  }

  async macro(actor: Actor, query: GrowthQuery): Promise<GrowthMacro> {
    return macro(await loadGrowthPool(this.db, actor, this.now()), query);
  }

  async strategy(actor: Actor): Promise<GrowthStrategy> {
    const repo = new GrowthRepository(this.db);
    const [pool, signals, own] = await Promise.all([
      loadGrowthPool(this.db, actor, this.now()),
      repo.marketSignals(),
      repo.relationsOfParty(actor.orgId),
    ]);
    return strategy(pool, signals, own);
  }

  /**
   * One DEA model over the year's firms as a background job of the caller's org. The job stores its
   * input, so it may hold only firms the caller may name (the operator's consenting firms, a firm's
   * own data and its grantors); anything else is a 403, never a silent copy of others' data.
   */
  async runJob(actor: Actor, jobs: JobService, body: GrowthJobRequest): Promise<JobSummary> {
    const pool = await loadGrowthPool(this.db, actor, this.now());
    const rows = deaYearRows(pool, body.year);
    if (rows.some((r) => !pool.named.has(r.orgId))) {
      throw new ForbiddenError("a growth job may only hold firms that granted you their indicators");
    }
    if (rows.length < K_MIN) {
      throw ValidationError.field("year", `needs at least ${K_MIN} firms with indicators`);
    }
    const data = deaData(rows);
    return jobs.start(actor, {
      kind: "analyze",
      input: {
        method: body.method,
        orientation: "input",
        units: data.units,
        inputs: data.inputs,
        outputs: data.outputs,
      },
    });
  }

  /** Public directory facts of the enterprises behind a chart element (never their figures). */
  async drill(query: GrowthDrillQuery): Promise<GrowthDrill> {
    const repo = new GrowthRepository(this.db);
    const [orgs, positions, nodes] = await Promise.all([repo.orgs(), repo.positions(), repo.nodes()]);
    const stageOf = new Map(nodes.map((n) => [n.id, n.stage]));
    const nodesOf = new Map<string, string[]>();
    for (const p of positions) nodesOf.set(p.orgId, [...(nodesOf.get(p.orgId) ?? []), p.nodeId]);
    const matches = orgs
      .filter((o) => o.kind === "enterprise")
      .filter((o) => query.district === undefined || o.district === query.district)
      .filter((o) => query.sizeBand === undefined || o.sizeBand === query.sizeBand)
      .filter((o) => query.chainNode === undefined || (nodesOf.get(o.id) ?? []).includes(query.chainNode))
      .filter((o) => {
        if (query.stage === undefined) return true;
        const main = nodesOf.get(o.id)?.[0];
        return main !== undefined && stageOf.get(main) === query.stage;
      })
      .sort((a, b) => a.nameZh.localeCompare(b.nameZh, "zh") || a.id.localeCompare(b.id));
    return {
      total: matches.length,
      items: matches.slice(0, DRILL_LIMIT).map((o) => ({
        id: o.id,
        nameZh: o.nameZh,
        nameEn: o.nameEn,
        district: o.district,
        sizeBand: o.sizeBand,
      })),
    };
  }

  async note(actor: Actor): Promise<StrategyNote> {
    const row = await new GrowthRepository(this.db).note(actor.orgId);
    const kpis = await this.kpis(actor);
    return {
      orgId: actor.orgId,
      body: row?.body ?? "",
      updatedAt: row?.updatedAt.toISOString() ?? null,
      goals: (row?.goals ?? []).map((g) => ({ ...g, current: kpis[g.kpi] })),
    };
  }

  async saveNote(actor: Actor, input: StrategyNoteWrite): Promise<StrategyNote> {
    policy.assert(actor, "strategy.write", { kind: "org", orgId: actor.orgId });
    const at = this.now();
    await this.db.transaction(async (tx) => {
      const repo = new GrowthRepository(tx);
      const before = (await repo.note(actor.orgId)) ?? null;
      await repo.saveNote(actor.orgId, input.body, input.goals, at);
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "strategy.save",
          entity: "strategy_note",
          entityId: actor.orgId,
          before: before ? { body: before.body, goals: before.goals } : null,
          after: input,
        },
        at,
      );
    });
    return this.note(actor);
  }

  /** The viewer's own current value of every KPI a goal can link to (null where it has none). */
  private async kpis(actor: Actor): Promise<Record<StrategyNote["goals"][number]["kpi"], number | null>> {
    const pool = await loadGrowthPool(this.db, actor, this.now());
    const m = micro(pool, {});
    const ownDea = m.dea.units.find((u) => u.own);
    const ownTopsis = m.topsis.units.find((u) => u.own);
    const revenue = pool.indicators
      .filter((r) => r.orgId === actor.orgId)
      .sort((a, b) => b.year - a.year)[0]?.revenue;
    const net = meso(pool, {}).network.own;
    return {
      "dea.ccr": ownDea?.ccr ?? null,
      "malmquist.M": m.malmquist.own.at(-1)?.M ?? null,
      "topsis.closeness": ownTopsis?.closeness ?? null,
      "network.betweenness": net?.betweenness ?? null,
      revenue: revenue ?? null,
    };
  }
}
