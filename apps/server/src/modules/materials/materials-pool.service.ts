import { randomUUID } from "node:crypto";
import type { PooledDemandList, PoolRound, PoolRoundCreate, PoolRoundList } from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database, DbOrTx } from "../../db/database.ts";
import { ConflictError, NotFoundError } from "../../errors/index.ts";
import { K_MIN, suppressBelowK, suppressedSum } from "../../privacy/k-anonymity.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { MaterialsRepository, type PoolParticipantRow, type PoolRoundRow } from "./materials.repository.ts";

const normUnit = (u: string) => u.normalize("NFKC").trim().toLowerCase();

/** China's calendar day (UTC+8) of an instant, YYYY-MM-DD. */
function clusterDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

function toRound(
  actor: Actor,
  r: PoolRoundRow,
  members: readonly PoolParticipantRow[],
  now: Date,
): PoolRound {
  const mine = members.find((m) => m.orgId === actor.orgId);
  return {
    id: r.id,
    category: r.category,
    period: r.period,
    title: r.title,
    spec: r.spec,
    unit: r.unit,
    closesOn: r.closesOn,
    status: r.status === "open" && r.closesOn < clusterDay(now) ? "closed" : r.status,
    participants: suppressBelowK(members.length, members.length),
    quantity: suppressedSum(
      members,
      (m) => m.orgId,
      (m) => m.quantity,
    ),
    openedByMe: r.orgId === actor.orgId,
    myQuantity: mine?.quantity ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

/**
 * Pooled purchasing (集采): open needs summed per category and month, and rounds firms join with
 * a quantity. Every cross-firm figure goes through the k ≥ 3 rule and no firm is ever named.
 */
export class MaterialsPoolService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  /** Open needs per (category, month, unit); quantity and firm count withheld below k firms. */
  async pooledDemand(actor: Actor): Promise<PooledDemandList> {
    const needs = await new MaterialsRepository(this.db).listOpen({ kind: "need" });
    const cells = new Map<string, typeof needs>();
    for (const n of needs) {
      const key = `${n.category}\u0001${n.byDate.slice(0, 7)}\u0001${normUnit(n.unit)}`;
      cells.set(key, [...(cells.get(key) ?? []), n]);
    }
    const items = [...cells.values()].map((rows) => ({
      category: rows[0].category,
      period: rows[0].byDate.slice(0, 7),
      unit: rows[0].unit,
      quantity: suppressedSum(
        rows,
        (r) => r.orgId,
        (r) => r.quantity,
      ),
      mine: rows.some((r) => r.orgId === actor.orgId),
    }));
    items.sort((a, b) => a.period.localeCompare(b.period) || a.category.localeCompare(b.category));
    return { k: K_MIN, items };
  }

  async listRounds(actor: Actor): Promise<PoolRoundList> {
    const repo = new MaterialsRepository(this.db);
    const rounds = await repo.listRounds();
    const members = await repo.participants(rounds.map((r) => r.id));
    const now = this.now();
    return {
      k: K_MIN,
      items: rounds.map((r) =>
        toRound(
          actor,
          r,
          members.filter((m) => m.roundId === r.id),
          now,
        ),
      ),
    };
  }

  async createRound(actor: Actor, input: PoolRoundCreate): Promise<PoolRound> {
    policy.assert(actor, "materials.round.open", { kind: "org", orgId: actor.orgId });
    const now = this.now();
    const id = randomUUID();
    return this.db.transaction(async (tx) => {
      await new MaterialsRepository(tx).insertRound({
        id,
        orgId: actor.orgId,
        ...input,
        status: "open",
        createdBy: actor.userId,
        createdAt: now,
      });
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "materials.round.open",
          entity: "poolRound",
          entityId: id,
          after: input,
        },
        now,
      );
      return this.round(tx, actor, id, now);
    });
  }

  /** Joins an open round with my org's quantity (joining again changes it); 409 once it closed. */
  async joinRound(actor: Actor, id: string, quantity: number): Promise<PoolRound> {
    const now = this.now();
    return this.db.transaction(async (tx) => {
      const repo = new MaterialsRepository(tx);
      const round = await repo.findRound(id);
      if (!round) throw new NotFoundError("pooled-purchase round", id);
      policy.assert(actor, "materials.write", { kind: "org", orgId: actor.orgId });
      if (round.status !== "open" || round.closesOn < clusterDay(now))
        throw new ConflictError(`round ${id} is closed`);
      await repo.upsertParticipant(id, actor.orgId, quantity, now);
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "materials.round.join",
          entity: "poolRound",
          entityId: id,
          after: { quantity },
        },
        now,
      );
      return this.round(tx, actor, id, now);
    });
  }

  private async round(db: DbOrTx, actor: Actor, id: string, now: Date): Promise<PoolRound> {
    const repo = new MaterialsRepository(db);
    const round = await repo.findRound(id);
    if (!round) throw new NotFoundError("pooled-purchase round", id);
    return toRound(actor, round, await repo.participants([id]), now);
  }
}
