import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import {
  logisticsShipmentEvents,
  logisticsShipments,
  logisticsWebhookSecrets,
  orgs,
} from "../../db/schema/index.ts";

export type ShipmentRow = typeof logisticsShipments.$inferSelect;
/** A shipment with its consignee org's names (null for a free-text consignee). */
export interface ShipmentView extends ShipmentRow {
  consigneeNameZh: string | null;
  consigneeNameEn: string | null;
}
export type ShipmentEventRow = typeof logisticsShipmentEvents.$inferSelect;

/** All SQL of logistics tracking; every query is scoped by the shipper's org_id. */
export class LogisticsRepository {
  constructor(private readonly db: DbOrTx) {}

  async insertShipment(values: typeof logisticsShipments.$inferInsert): Promise<void> {
    await this.db.insert(logisticsShipments).values(values);
  }

  private views() {
    return this.db
      .select({ shipment: logisticsShipments, nameZh: orgs.nameZh, nameEn: orgs.nameEn })
      .from(logisticsShipments)
      .leftJoin(orgs, eq(orgs.id, logisticsShipments.consigneeOrgId));
  }

  async listShipments(orgId: string): Promise<ShipmentView[]> {
    const rows = await this.views()
      .where(eq(logisticsShipments.orgId, orgId))
      .orderBy(desc(logisticsShipments.createdAt), asc(logisticsShipments.id));
    return rows.map((r) => ({ ...r.shipment, consigneeNameZh: r.nameZh, consigneeNameEn: r.nameEn }));
  }

  async findShipment(orgId: string, id: string): Promise<ShipmentView | undefined> {
    const [r] = await this.views().where(
      and(eq(logisticsShipments.orgId, orgId), eq(logisticsShipments.id, id)),
    );
    return r && { ...r.shipment, consigneeNameZh: r.nameZh, consigneeNameEn: r.nameEn };
  }

  async findByTracking(orgId: string, trackingNo: string): Promise<ShipmentRow | undefined> {
    const [row] = await this.db
      .select()
      .from(logisticsShipments)
      .where(and(eq(logisticsShipments.orgId, orgId), eq(logisticsShipments.trackingNo, trackingNo)));
    return row;
  }

  async events(orgId: string, shipmentId: string): Promise<ShipmentEventRow[]> {
    return this.db
      .select()
      .from(logisticsShipmentEvents)
      .where(
        and(eq(logisticsShipmentEvents.orgId, orgId), eq(logisticsShipmentEvents.shipmentId, shipmentId)),
      )
      .orderBy(asc(logisticsShipmentEvents.occurredAt), asc(logisticsShipmentEvents.createdAt));
  }

  async hasExternalEvent(orgId: string, externalId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: logisticsShipmentEvents.id })
      .from(logisticsShipmentEvents)
      .where(
        and(eq(logisticsShipmentEvents.orgId, orgId), eq(logisticsShipmentEvents.externalId, externalId)),
      );
    return row !== undefined;
  }

  /** Inserts an event; a second one with the same (org, external id) is a unique violation (409). */
  async insertEvent(values: typeof logisticsShipmentEvents.$inferInsert): Promise<void> {
    await this.db.insert(logisticsShipmentEvents).values(values);
  }

  async updateTracking(
    orgId: string,
    id: string,
    values: Pick<ShipmentRow, "status" | "carrierEta" | "lastEventAt">,
  ): Promise<void> {
    await this.db
      .update(logisticsShipments)
      .set(values)
      .where(and(eq(logisticsShipments.orgId, orgId), eq(logisticsShipments.id, id)));
  }

  /** Marks a shipment's late alert as sent; false when it already was (so it is sent once). */
  async markLateNotified(orgId: string, id: string, now: Date): Promise<boolean> {
    const rows = await this.db
      .update(logisticsShipments)
      .set({ lateNotifiedAt: now })
      .where(
        and(
          eq(logisticsShipments.orgId, orgId),
          eq(logisticsShipments.id, id),
          isNull(logisticsShipments.lateNotifiedAt),
        ),
      )
      .returning({ id: logisticsShipments.id });
    return rows.length > 0;
  }

  async findSecret(orgId: string): Promise<string | undefined> {
    const [row] = await this.db
      .select({ secret: logisticsWebhookSecrets.secret })
      .from(logisticsWebhookSecrets)
      .where(eq(logisticsWebhookSecrets.orgId, orgId));
    return row?.secret;
  }

  async upsertSecret(orgId: string, secret: string, now: Date): Promise<void> {
    await this.db
      .insert(logisticsWebhookSecrets)
      .values({ orgId, secret, createdAt: now })
      .onConflictDoUpdate({ target: logisticsWebhookSecrets.orgId, set: { secret, createdAt: now } });
  }
}
