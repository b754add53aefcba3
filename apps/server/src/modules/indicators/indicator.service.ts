import type { IndicatorList, IndicatorUpsertRequest } from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { DbOrTx } from "../../db/database.ts";
import { NotFoundError } from "../../errors/index.ts";
import type { AggregateCache } from "../../http/app-caches.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { requirePrivateRead } from "../grants/grant-access.ts";
import { OrgRepository } from "../orgs/org.repository.ts";
import { IndicatorRepository } from "./indicator.repository.ts";

export class IndicatorService {
  constructor(
    private readonly db: DbOrTx,
    private readonly now: () => Date,
    private readonly aggregates: AggregateCache,
  ) {}

  /** Own staff, or a grantee of "indicators" (the read is audited); anyone else gets 404. */
  async list(actor: Actor, orgId: string): Promise<IndicatorList> {
    const access = await requirePrivateRead(this.db, actor, orgId, "indicators", this.now());
    if (!(await new OrgRepository(this.db).findById(orgId))) throw new NotFoundError("org", orgId);
    return { orgId, access, items: await new IndicatorRepository(this.db).listFor(orgId) };
  }

  async upsert(actor: Actor, orgId: string, input: IndicatorUpsertRequest): Promise<IndicatorList> {
    policy.assert(actor, "indicators.write", { kind: "org", orgId });
    const now = this.now();
    await this.db.transaction(async (tx) => {
      const repo = new IndicatorRepository(tx);
      const before = (await repo.listFor(orgId)).find((r) => r.year === input.year) ?? null;
      await repo.upsert(orgId, input);
      await writeAudit(
        tx,
        actor,
        {
          orgId,
          action: "indicators.upsert",
          entity: "indicators",
          entityId: `${orgId}:${input.year}`,
          before,
          after: input,
        },
        now,
      );
    });
    this.aggregates.invalidate();
    return this.list(actor, orgId);
  }
}
