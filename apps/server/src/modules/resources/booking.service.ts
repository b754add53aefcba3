import { randomUUID } from "node:crypto";
import type {
  Booking,
  BookingCreate,
  BookingList,
  BookingNote,
  BookingRating,
  BookingUsage,
} from "@clusterbrain/contracts";
import { sql } from "drizzle-orm";
import type { Actor } from "../../auth/actor.ts";
import { type BookingResource, policy } from "../../auth/policy.ts";
import type { Database, DbOrTx } from "../../db/database.ts";
import { hubBookings } from "../../db/schema/index.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { checkBookingRules, requesterMayCancel } from "./booking.rules.ts";
import { toBooking } from "./resource.mappers.ts";
import { type BookingRow, type BookingView, ResourceRepository } from "./resource.repository.ts";

function asResource(b: BookingView): BookingResource {
  return { kind: "booking", id: b.id, requesterOrgId: b.orgId, ownerOrgId: b.ownerOrgId };
}

type Step = (
  repo: ResourceRepository,
  booking: BookingView,
  now: Date,
) => Promise<{ row: BookingRow | undefined; after: Record<string, unknown> }>;

/**
 * Bookings of shared resources: a firm asks for a slot, the owner approves or declines, either side
 * cancels by the listing's rules, the owner records the usage and the requester rates it. No double
 * booking is the database's job (hub_bookings_no_overlap, 0014): an overlapping insert fails there,
 * also when 50 requests race, and comes back as 409 BOOKING_OVERLAP.
 */
export class BookingService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  async list(actor: Actor): Promise<BookingList> {
    const rows = await new ResourceRepository(this.db).listBookingsFor(actor.orgId);
    return {
      outgoing: rows.filter((r) => r.orgId === actor.orgId).map(toBooking),
      incoming: rows.filter((r) => r.ownerOrgId === actor.orgId).map(toBooking),
    };
  }

  async create(actor: Actor, resourceId: string, input: BookingCreate): Promise<Booking> {
    policy.assert(actor, "resource.book", { kind: "org", orgId: actor.orgId });
    const now = this.now();
    const id = randomUUID();
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    await this.db.transaction(async (tx) => {
      const repo = new ResourceRepository(tx);
      const resource = await repo.findResource(resourceId);
      if (!resource || (resource.status !== "active" && resource.orgId !== actor.orgId))
        throw new NotFoundError("resource", resourceId);
      if (resource.status !== "active") throw new ConflictError("this resource is retired");
      if (resource.orgId === actor.orgId)
        throw ValidationError.field("resourceId", "your organisation owns this resource");
      checkBookingRules(resource, startsAt, endsAt, now);
      await repo.insertBooking({
        id,
        orgId: actor.orgId,
        resourceId,
        ownerOrgId: resource.orgId,
        startsAt,
        endsAt,
        status: "pending",
        purpose: input.purpose,
        requestedBy: actor.userId,
        createdAt: now,
      });
      const after = { resourceId, startsAt: input.startsAt, endsAt: input.endsAt, purpose: input.purpose };
      for (const orgId of [actor.orgId, resource.orgId])
        await writeAudit(
          tx,
          actor,
          { orgId, action: "booking.create", entity: "booking", entityId: id, after },
          now,
        );
    });
    return this.get(this.db, actor.orgId, id);
  }

  approve(actor: Actor, id: string, input: BookingNote): Promise<Booking> {
    return this.step(actor, id, "booking.decide", "booking.approve", async (repo, b, now) => {
      if (b.status !== "pending") throw new ConflictError(`this booking is already ${b.status}`);
      if (now.getTime() >= b.endsAt.getTime()) throw new ConflictError("this slot is already over");
      const note = input.note || null;
      const row = await repo.transition(b.id, ["pending"], {
        status: "approved",
        decidedBy: actor.userId,
        decidedAt: now,
        decisionNote: note,
      });
      return { row, after: { status: "approved", note } };
    });
  }

  decline(actor: Actor, id: string, input: BookingNote): Promise<Booking> {
    return this.step(actor, id, "booking.decide", "booking.decline", async (repo, b, now) => {
      if (b.status !== "pending") throw new ConflictError(`this booking is already ${b.status}`);
      const note = input.note || null;
      const row = await repo.transition(b.id, ["pending"], {
        status: "declined",
        decidedBy: actor.userId,
        decidedAt: now,
        decisionNote: note,
      });
      return { row, after: { status: "declined", note } };
    });
  }

  /**
   * The requester cancels a pending request before it starts, an approved one until the listing's
   * notice period; the owner cancels either (e.g. for maintenance) until the slot ends.
   */
  cancel(actor: Actor, id: string, input: BookingNote): Promise<Booking> {
    return this.step(actor, id, "booking.cancel", "booking.cancel", async (repo, b, now) => {
      if (b.status !== "pending" && b.status !== "approved")
        throw new ConflictError(`this booking is already ${b.status}`);
      const byOwner = b.ownerOrgId === actor.orgId;
      if (byOwner) {
        if (now.getTime() >= b.endsAt.getTime()) throw new ConflictError("this slot is already over");
      } else if (!requesterMayCancel(b.status, b.startsAt, b.cancelNoticeHours, now)) {
        throw new ConflictError(
          now.getTime() >= b.startsAt.getTime()
            ? "this booking has started and can no longer be cancelled"
            : `an approved booking can be cancelled until ${b.cancelNoticeHours} h before it starts; ask the owner`,
          { reason: "CANCEL_TOO_LATE", cancelNoticeHours: b.cancelNoticeHours },
        );
      }
      const reason = input.note || null;
      const row = await repo.transition(b.id, [b.status], {
        status: "cancelled",
        cancelledAt: now,
        cancelReason: reason,
      });
      return { row, after: { status: "cancelled", by: byOwner ? "owner" : "requester", reason } };
    });
  }

  /** The owner records how long the resource was actually used; the booking is then completed. */
  usage(actor: Actor, id: string, input: BookingUsage): Promise<Booking> {
    return this.step(actor, id, "booking.decide", "booking.usage", async (repo, b, now) => {
      if (b.status !== "approved")
        throw new ConflictError(`only an approved booking gets a usage record (this one is ${b.status})`);
      if (now.getTime() < b.startsAt.getTime())
        throw new ConflictError("usage can be recorded once the booking has started");
      const note = input.note || null;
      const row = await repo.transition(b.id, ["approved"], {
        status: "completed",
        usedHours: input.usedHours,
        usageNote: note,
        completedAt: now,
      });
      return { row, after: { status: "completed", usedHours: input.usedHours, note } };
    });
  }

  /** The requester rates a completed booking, once. */
  rate(actor: Actor, id: string, input: BookingRating): Promise<Booking> {
    return this.step(actor, id, "booking.rate", "booking.rate", async (repo, b, now) => {
      if (b.status !== "completed") throw new ConflictError("only a completed booking can be rated");
      if (b.rating !== null) throw new ConflictError("this booking is already rated");
      const comment = input.comment || null;
      const row = await repo.transition(
        b.id,
        ["completed"],
        { rating: input.rating, ratingComment: comment, ratedAt: now },
        sql`${hubBookings.rating} IS NULL`,
      );
      return { row, after: { rating: input.rating, comment } };
    });
  }

  private async step(
    actor: Actor,
    id: string,
    action: "booking.decide" | "booking.cancel" | "booking.rate",
    auditAction: string,
    run: Step,
  ): Promise<Booking> {
    const now = this.now();
    await this.db.transaction(async (tx) => {
      const repo = new ResourceRepository(tx);
      const booking = await repo.findBookingFor(actor.orgId, id);
      if (!booking) throw new NotFoundError("booking", id);
      policy.assert(actor, action, asResource(booking));
      const { row, after } = await run(repo, booking, now);
      // Lost a race with another decision on the same booking.
      if (!row) throw new ConflictError("this booking was changed meanwhile; reload it");
      for (const orgId of [booking.orgId, booking.ownerOrgId])
        await writeAudit(
          tx,
          actor,
          {
            orgId,
            action: auditAction,
            entity: "booking",
            entityId: id,
            before: { status: booking.status },
            after,
          },
          now,
        );
    });
    return this.get(this.db, actor.orgId, id);
  }

  private async get(db: DbOrTx, orgId: string, id: string): Promise<Booking> {
    const row = await new ResourceRepository(db).findBookingFor(orgId, id);
    if (!row) throw new NotFoundError("booking", id);
    return toBooking(row);
  }
}
