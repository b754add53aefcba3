import {
  planningItemSchema,
  planningOpenOrderSchema,
  planningStockSchema,
  type SharedStock,
  type StockGrantorList,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import type { Database } from "../../db/database.ts";
import { NotFoundError } from "../../errors/index.ts";
import { requirePrivateRead } from "../grants/grant-access.ts";
import { PlanningRepository, type PlanningRow } from "../planning/planning.repository.ts";
import { MaterialsRepository } from "./materials.repository.ts";

function parsed<T>(
  entity: string,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  rows: readonly PlanningRow[],
): T[] {
  return rows.flatMap((r) => {
    if (r.entity !== entity) return [];
    const p = schema.safeParse(r.data);
    return p.success ? [p.data] : [];
  });
}

/**
 * Stock levels per item of a firm's planning data (on hand, on order, safety stock), for its own
 * staff or for a firm it granted the `stock` data class. Each read through a grant is written to
 * the owner's audit log; once the grant is revoked or expires the next read is a 404.
 */
export class MaterialsStockService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  async grantors(actor: Actor): Promise<StockGrantorList> {
    const rows = await new MaterialsRepository(this.db).stockGrantors(actor.orgId, this.now());
    return {
      items: rows.map((r) => ({
        orgId: r.orgId,
        orgNameZh: r.nameZh,
        orgNameEn: r.nameEn,
        expiresAt: r.expiresAt.toISOString(),
      })),
    };
  }

  async stock(actor: Actor, orgId: string): Promise<SharedStock> {
    const access = await requirePrivateRead(this.db, actor, orgId, "stock", this.now());
    const names = await new MaterialsRepository(this.db).orgNames(orgId);
    if (!names) throw new NotFoundError("org", orgId);
    const rows = await new PlanningRepository(this.db).listMany(orgId, ["items", "stock", "open-orders"]);
    const items = parsed("items", planningItemSchema, rows);
    const stock = parsed("stock", planningStockSchema, rows);
    const orders = parsed("open-orders", planningOpenOrderSchema, rows);
    const codes = [...new Set([...items.map((i) => i.code), ...stock.map((s) => s.item)])].sort();
    const sum = (list: ReadonlyArray<{ item: string; quantity: number }>, code: string) =>
      list.reduce((a, r) => (r.item === code ? a + r.quantity : a), 0);
    return {
      orgId,
      orgNameZh: names.nameZh,
      orgNameEn: names.nameEn,
      access,
      items: codes.map((code) => {
        const master = items.find((i) => i.code === code);
        const onHand = sum(stock, code);
        const safetyStock = master?.safetyStock ?? 0;
        return {
          item: code,
          name: master?.name ?? code,
          unit: master?.unit ?? "",
          onHand,
          onOrder: sum(orders, code),
          safetyStock,
          low: onHand <= safetyStock,
        };
      }),
    };
  }
}
