import { randomBytes, randomUUID } from "node:crypto";
import type {
  Shipment,
  ShipmentCreate,
  ShipmentDetail,
  ShipmentEventCreate,
  ShipmentList,
  ShipmentWebhook,
  WebhookSecret,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database, DbOrTx } from "../../db/database.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import type { LiveHub } from "../live/live.hub.ts";
import { NotificationOutbox } from "../notifications/notification.service.ts";
import { OrgRepository } from "../orgs/org.repository.ts";
import {
  LogisticsRepository,
  type ShipmentEventRow,
  type ShipmentRow,
  type ShipmentView,
} from "./logistics.repository.ts";
import { verifyWebhook } from "./logistics.webhook.ts";

/** ETA: the carrier's latest estimate, else the end of the promised day in China time. */
export function etaOf(row: Pick<ShipmentRow, "carrierEta" | "promisedOn">): Date {
  return row.carrierEta ?? new Date(`${row.promisedOn}T23:59:59+08:00`);
}

export function isLate(row: Pick<ShipmentRow, "carrierEta" | "promisedOn" | "status">, now: Date): boolean {
  return row.status !== "delivered" && now.getTime() > etaOf(row).getTime();
}

function toShipment(row: ShipmentView, now: Date): Shipment {
  return {
    id: row.id,
    orgId: row.orgId,
    consigneeOrgId: row.consigneeOrgId,
    consigneeName: row.consigneeName,
    consigneeNameZh: row.consigneeNameZh,
    consigneeNameEn: row.consigneeNameEn,
    carrier: row.carrier,
    trackingNo: row.trackingNo,
    promisedOn: row.promisedOn,
    reference: row.reference,
    status: row.status,
    eta: etaOf(row).toISOString(),
    late: isLate(row, now),
    createdAt: row.createdAt.toISOString(),
  };
}

function toDetail(row: ShipmentView, events: ShipmentEventRow[], now: Date): ShipmentDetail {
  return {
    ...toShipment(row, now),
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      occurredAt: e.occurredAt.toISOString(),
      location: e.location,
      note: e.note,
      eta: e.eta?.toISOString() ?? null,
      source: e.source,
    })),
  };
}

/**
 * Shipments an org sends and their tracking events, from its staff (API) or its carrier (signed
 * webhook). A shipment past its ETA and not delivered is late; its org is told once.
 */
export class LogisticsService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    private readonly live?: LiveHub,
  ) {}

  async list(actor: Actor): Promise<ShipmentList> {
    const now = this.now();
    await this.raiseLateAlerts(actor.orgId, now);
    const rows = await new LogisticsRepository(this.db).listShipments(actor.orgId);
    return { items: rows.map((r) => toShipment(r, now)) };
  }

  async get(actor: Actor, id: string): Promise<ShipmentDetail> {
    const now = this.now();
    await this.raiseLateAlerts(actor.orgId, now);
    return this.detail(this.db, actor.orgId, id, now);
  }

  async create(actor: Actor, input: ShipmentCreate): Promise<ShipmentDetail> {
    policy.assert(actor, "logistics.write", { kind: "org", orgId: actor.orgId });
    const now = this.now();
    const id = randomUUID();
    return this.db.transaction(async (tx) => {
      if (input.consigneeOrgId && !(await new OrgRepository(tx).findById(input.consigneeOrgId)))
        throw ValidationError.field("consigneeOrgId", `unknown organisation ${input.consigneeOrgId}`);
      const repo = new LogisticsRepository(tx);
      if (await repo.findByTracking(actor.orgId, input.trackingNo))
        throw new ConflictError(`a shipment with tracking number ${input.trackingNo} already exists`);
      await repo.insertShipment({
        id,
        orgId: actor.orgId,
        ...input,
        createdBy: actor.userId,
        createdAt: now,
      });
      await writeAudit(
        tx,
        actor,
        { orgId: actor.orgId, action: "shipment.create", entity: "shipment", entityId: id, after: input },
        now,
      );
      return this.detail(tx, actor.orgId, id, now);
    });
  }

  async addEvent(actor: Actor, id: string, input: ShipmentEventCreate): Promise<ShipmentDetail> {
    const now = this.now();
    return this.db.transaction(async (tx) => {
      const shipment = await new LogisticsRepository(tx).findShipment(actor.orgId, id);
      if (!shipment) throw new NotFoundError("shipment", id);
      policy.assert(actor, "logistics.write", { kind: "org", orgId: actor.orgId });
      await this.appendEvent(tx, shipment, input, "api", null, now);
      await writeAudit(
        tx,
        actor,
        { orgId: actor.orgId, action: "shipment.event", entity: "shipment", entityId: id, after: input },
        now,
      );
      return this.detail(tx, actor.orgId, id, now);
    });
  }

  async rotateSecret(actor: Actor): Promise<WebhookSecret> {
    policy.assert(actor, "logistics.webhook.manage", { kind: "org", orgId: actor.orgId });
    const now = this.now();
    const secret = randomBytes(32).toString("hex");
    await this.db.transaction(async (tx) => {
      await new LogisticsRepository(tx).upsertSecret(actor.orgId, secret, now);
      await writeAudit(
        tx,
        actor,
        { orgId: actor.orgId, action: "shipment.webhookSecret", entity: "org", entityId: actor.orgId },
        now,
      );
    });
    return { secret, createdAt: now.toISOString() };
  }

  /** A carrier's signed event: 401 bad signature/stale, 404 unknown tracking number, 409 replay. */
  async webhook(
    headers: { org?: string; timestamp?: string; signature?: string },
    rawBody: string,
    body: ShipmentWebhook,
  ): Promise<{ accepted: true; shipmentId: string }> {
    const now = this.now();
    const orgId = headers.org ?? "";
    const repo = new LogisticsRepository(this.db);
    const secret = orgId ? await repo.findSecret(orgId) : undefined;
    verifyWebhook({ secret, timestamp: headers.timestamp, signature: headers.signature, rawBody, now });
    return this.db.transaction(async (tx) => {
      const txRepo = new LogisticsRepository(tx);
      if (await txRepo.hasExternalEvent(orgId, body.eventId))
        throw new ConflictError(`event ${body.eventId} was already received (replay)`);
      const shipment = await txRepo.findByTracking(orgId, body.trackingNo);
      if (!shipment) throw new NotFoundError("shipment", body.trackingNo);
      const { eventId, trackingNo: _t, ...event } = body;
      await this.appendEvent(tx, shipment, event, "webhook", eventId, now);
      return { accepted: true as const, shipmentId: shipment.id };
    });
  }

  /** Tells the org once about each of its shipments that is late (and records that it did). */
  async raiseLateAlerts(orgId: string, now: Date): Promise<number> {
    const rows = await new LogisticsRepository(this.db).listShipments(orgId);
    const late = rows.filter((r) => !r.lateNotifiedAt && isLate(r, now));
    if (late.length === 0) return 0;
    const outbox = new NotificationOutbox();
    await this.db.transaction(async (tx) => {
      const repo = new LogisticsRepository(tx);
      for (const r of late) {
        if (!(await repo.markLateNotified(orgId, r.id, now))) continue;
        await outbox.add(
          tx,
          {
            orgId,
            kind: "shipment.late",
            params: {
              trackingNo: r.trackingNo,
              carrier: r.carrier,
              consignee: r.consigneeName,
              expiresAt: etaOf(r).toISOString(),
            },
            link: `/logistics/${r.id}`,
            dedupeKey: `shipment.late:${r.id}`,
          },
          now,
        );
      }
    });
    const count = outbox.count;
    outbox.publish(this.live);
    return count;
  }

  private async appendEvent(
    tx: DbOrTx,
    shipment: ShipmentRow,
    input: ShipmentEventCreate,
    source: "api" | "webhook",
    externalId: string | null,
    now: Date,
  ): Promise<void> {
    const repo = new LogisticsRepository(tx);
    const occurredAt = new Date(input.occurredAt);
    const eta = input.eta ? new Date(input.eta) : null;
    await repo.insertEvent({
      id: randomUUID(),
      orgId: shipment.orgId,
      shipmentId: shipment.id,
      type: input.type,
      occurredAt,
      location: input.location,
      note: input.note,
      eta,
      source,
      externalId,
      createdAt: now,
    });
    // Carriers may deliver events out of order: only the newest one sets the status and ETA.
    if (!shipment.lastEventAt || occurredAt >= shipment.lastEventAt) {
      await repo.updateTracking(shipment.orgId, shipment.id, {
        status: input.type,
        carrierEta: eta ?? shipment.carrierEta,
        lastEventAt: occurredAt,
      });
    }
  }

  private async detail(db: DbOrTx, orgId: string, id: string, now: Date): Promise<ShipmentDetail> {
    const repo = new LogisticsRepository(db);
    const row = await repo.findShipment(orgId, id);
    if (!row) throw new NotFoundError("shipment", id);
    return toDetail(row, await repo.events(orgId, id), now);
  }
}
