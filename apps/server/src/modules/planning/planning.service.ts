import { randomUUID } from "node:crypto";
import {
  type InventoryPolicyQuery,
  type InventoryPolicyResult,
  PLANNING_DATA_SCHEMAS,
  type PlanningEntity,
  type PlanningForecast,
  type PlanningImportReport,
  type PlanningMrpResult,
  type PlanningRecord,
  type PlanningRecordWrite,
  planningImportRequestSchema,
  type planningOverrideSchema,
} from "@clusterbrain/contracts";
import type { z } from "zod";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database, DbOrTx } from "../../db/database.ts";
import { NotFoundError, ValidationError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { naturalKey, referencedItems } from "./planning.columns.ts";
import { type HistoryPoint, itemForecast, MIN_HISTORY } from "./planning.forecast.ts";
import { inventoryPolicies } from "./planning.inventory.ts";
import { type MrpMasterData, planMrp } from "./planning.mrp.ts";
import { PlanningRepository, type PlanningRow } from "./planning.repository.ts";
import { exportWorkbook, plain, templateWorkbook, validateSheet } from "./planning.sheet.ts";

const OVERRIDE = "forecast-override";
type ImportRequest = z.infer<typeof planningImportRequestSchema>;
type Override = z.infer<typeof planningOverrideSchema>;

function toRecord(row: PlanningRow): PlanningRecord {
  return {
    id: row.id,
    entity: row.entity as PlanningEntity,
    key: row.key,
    data: row.data,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Stored data read back through the entity's schema (fills defaults, types the fields). */
function parseAll<E extends PlanningEntity>(entity: E, rows: readonly PlanningRow[]) {
  const schema = PLANNING_DATA_SCHEMAS[entity];
  return rows.filter((r) => r.entity === entity).map((r) => schema.parse(r.data) as z.infer<typeof schema>);
}

/** The planning workspace of the actor's org: master data, forecasts with overrides, MRP. */
export class PlanningService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  private assert(actor: Actor, write: boolean): void {
    policy.assert(actor, write ? "planning.write" : "planning.read", { kind: "org", orgId: actor.orgId });
  }

  async list(actor: Actor, entity: PlanningEntity): Promise<{ items: PlanningRecord[] }> {
    this.assert(actor, false);
    const rows = await new PlanningRepository(this.db).list(actor.orgId, entity);
    return { items: rows.map(toRecord) };
  }

  private async itemCodes(db: DbOrTx, orgId: string): Promise<Set<string>> {
    return new Set((await new PlanningRepository(db).list(orgId, "items")).map((r) => r.key));
  }

  async save(actor: Actor, write: PlanningRecordWrite): Promise<PlanningRecord> {
    this.assert(actor, true);
    const data = plain(write.data);
    const at = this.now();
    return this.db.transaction(async (tx) => {
      const items = await this.itemCodes(tx, actor.orgId);
      for (const [field, code] of referencedItems(write.entity, data))
        if (!items.has(code)) throw ValidationError.field(`data.${field}`, `unknown item "${code}"`);
      const repo = new PlanningRepository(tx);
      const key = naturalKey(write.entity, data);
      const before = await repo.findByKey(actor.orgId, write.entity, key);
      const [row] = await repo.upsert(
        actor.orgId,
        [{ id: randomUUID(), entity: write.entity, key, data }],
        at,
      );
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "planning.record.save",
          entity: `planning.${write.entity}`,
          entityId: row.id,
          before: before?.data,
          after: data,
        },
        at,
      );
      return toRecord(row);
    });
  }

  async remove(actor: Actor, id: string): Promise<{ ok: true }> {
    this.assert(actor, true);
    const at = this.now();
    return this.db.transaction(async (tx) => {
      const repo = new PlanningRepository(tx);
      const row = await repo.find(actor.orgId, id);
      if (!row || row.entity === OVERRIDE || !(await repo.delete(actor.orgId, id)))
        throw new NotFoundError("planning record", id);
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "planning.record.delete",
          entity: `planning.${row.entity}`,
          entityId: id,
          before: row.data,
        },
        at,
      );
      return { ok: true as const };
    });
  }

  template(entity: PlanningEntity): Promise<Buffer> {
    return templateWorkbook(entity);
  }

  async exportFile(actor: Actor, entity: PlanningEntity): Promise<Buffer> {
    return exportWorkbook(entity, (await this.list(actor, entity)).items);
  }

  async importFile(actor: Actor, request: ImportRequest): Promise<PlanningImportReport> {
    this.assert(actor, true);
    const { entity, mode, dryRun } = planningImportRequestSchema.parse(request);
    const bytes = Buffer.from(request.contentBase64, "base64");
    const at = this.now();
    return this.db.transaction(async (tx) => {
      const check = await validateSheet(entity, bytes, await this.itemCodes(tx, actor.orgId));
      const apply = !dryRun && check.valid.length > 0 && (mode === "valid-rows" || check.issues.length === 0);
      if (apply) {
        await new PlanningRepository(tx).upsert(
          actor.orgId,
          check.valid.map((v) => ({ id: randomUUID(), entity, key: v.key, data: v.data })),
          at,
        );
        await writeAudit(
          tx,
          actor,
          {
            orgId: actor.orgId,
            action: "planning.import",
            entity: `planning.${entity}`,
            entityId: entity,
            after: { rows: check.valid.length },
          },
          at,
        );
      }
      return {
        entity,
        totalRows: check.totalRows,
        validRows: check.valid.length,
        invalidRows: check.totalRows - check.valid.length,
        written: apply ? check.valid.length : 0,
        committed: apply,
        ignoredColumns: check.ignoredColumns,
        issues: check.issues,
      };
    });
  }

  private async history(db: DbOrTx, orgId: string, item: string): Promise<HistoryPoint[]> {
    const rows = parseAll("demand", await new PlanningRepository(db).list(orgId, "demand"));
    return rows
      .filter((r) => r.item === item)
      .map((r) => ({ date: r.periodDate, value: r.quantity }))
      .sort((a, b) => a.date.localeCompare(b.date));
  }

  private async overrides(db: DbOrTx, orgId: string): Promise<Map<string, Map<string, number>>> {
    const out = new Map<string, Map<string, number>>();
    for (const r of await new PlanningRepository(db).list(orgId, OVERRIDE)) {
      const item = String(r.data.item);
      if (!out.has(item)) out.set(item, new Map());
      out.get(item)!.set(String(r.data.periodDate), Number(r.data.quantity));
    }
    return out;
  }

  async forecast(actor: Actor, item: string, horizon: number): Promise<PlanningForecast> {
    this.assert(actor, false);
    const repo = new PlanningRepository(this.db);
    if (!(await repo.findByKey(actor.orgId, "items", item))) throw new NotFoundError("item", item);
    const overrides = (await this.overrides(this.db, actor.orgId)).get(item) ?? new Map();
    return itemForecast(item, await this.history(this.db, actor.orgId, item), overrides, horizon);
  }

  async override(actor: Actor, item: string, body: Override): Promise<{ ok: true }> {
    this.assert(actor, true);
    const at = this.now();
    return this.db.transaction(async (tx) => {
      const repo = new PlanningRepository(tx);
      if (!(await repo.findByKey(actor.orgId, "items", item))) throw new NotFoundError("item", item);
      const key = `${item}|${body.periodDate}`;
      const before = await repo.findByKey(actor.orgId, OVERRIDE, key);
      let entityId = before?.id ?? key;
      if (body.quantity === null) await repo.deleteByKey(actor.orgId, OVERRIDE, key);
      else {
        const data = plain({
          item,
          periodDate: body.periodDate,
          quantity: body.quantity,
          reason: body.reason,
        });
        [{ id: entityId }] = await repo.upsert(
          actor.orgId,
          [{ id: randomUUID(), entity: OVERRIDE, key, data }],
          at,
        );
      }
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "planning.forecast.override",
          entity: "planning.forecast",
          entityId,
          before: before?.data ?? null,
          after:
            body.quantity === null
              ? null
              : { item, periodDate: body.periodDate, quantity: body.quantity, reason: body.reason ?? null },
        },
        at,
      );
      return { ok: true as const };
    });
  }

  /** (s, Q) and (R, S) per item from the org's demand history, lead times, stock and open orders. */
  async inventoryPolicy(actor: Actor, query: InventoryPolicyQuery): Promise<InventoryPolicyResult> {
    this.assert(actor, false);
    const rows = await new PlanningRepository(this.db).listMany(actor.orgId, [
      "items",
      "demand",
      "stock",
      "open-orders",
    ]);
    return inventoryPolicies(
      {
        items: parseAll("items", rows),
        demand: parseAll("demand", rows),
        stock: parseAll("stock", rows),
        openOrders: parseAll("open-orders", rows),
      },
      query,
    );
  }

  /** MRP over monthly buckets starting the month after the last demand history (else this month). */
  async mrp(actor: Actor, horizon: number): Promise<PlanningMrpResult> {
    this.assert(actor, false);
    const rows = await new PlanningRepository(this.db).listMany(actor.orgId, [
      "items",
      "bom",
      "stock",
      "open-orders",
      "customer-orders",
      "demand",
    ]);
    const demand = parseAll("demand", rows);
    const lastHistory =
      demand
        .map((d) => d.periodDate)
        .sort()
        .at(-1) ?? "";
    const base = lastHistory === "" ? this.now().toISOString().slice(0, 10) : lastHistory;
    const start = lastHistory === "" ? `${base.slice(0, 7)}-01` : nextMonth(base);
    const overrides = await this.overrides(this.db, actor.orgId);
    const items = parseAll("items", rows);
    const forecasts: MrpMasterData["forecasts"] = [];
    for (const item of items) {
      const history = demand
        .filter((d) => d.item === item.code)
        .map((d) => ({ date: d.periodDate, value: d.quantity }))
        .sort((a, b) => a.date.localeCompare(b.date));
      if (history.length < MIN_HISTORY) continue;
      const f = itemForecast(item.code, history, overrides.get(item.code) ?? new Map(), horizon, false);
      for (const p of f.forecast) forecasts.push({ item: item.code, date: p.date, quantity: p.plan });
    }
    return planMrp(
      {
        items,
        bom: parseAll("bom", rows),
        stock: parseAll("stock", rows),
        openOrders: parseAll("open-orders", rows),
        customerOrders: parseAll("customer-orders", rows),
        forecasts,
      },
      start,
      horizon,
    );
  }
}

function nextMonth(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}
