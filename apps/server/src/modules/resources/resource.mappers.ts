import type { Booking, Resource } from "@clusterbrain/contracts";
import type { BookingView, ResourceView } from "./resource.repository.ts";

export function toResource(r: ResourceView, viewerOrgId: string): Resource {
  return {
    id: r.id,
    kind: r.kind,
    ownerOrgId: r.orgId,
    ownerNameZh: r.ownerNameZh,
    ownerNameEn: r.ownerNameEn,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    description: r.description,
    specs: r.specs,
    location: r.location,
    pricePerHour: r.pricePerHour,
    rules: r.rules,
    minHours: r.minHours,
    maxHours: r.maxHours,
    cancelNoticeHours: r.cancelNoticeHours,
    openHour: r.openHour,
    closeHour: r.closeHour,
    status: r.status,
    rating: r.rating,
    ratingCount: r.ratingCount,
    mine: r.orgId === viewerOrgId,
  };
}

const HOUR = 3_600_000;

export function bookedHours(b: { startsAt: Date; endsAt: Date }): number {
  return (b.endsAt.getTime() - b.startsAt.getTime()) / HOUR;
}

export function toBooking(b: BookingView): Booking {
  const hours = b.usedHours ?? bookedHours(b);
  return {
    id: b.id,
    resourceId: b.resourceId,
    resourceNameZh: b.resourceNameZh,
    resourceNameEn: b.resourceNameEn,
    resourceKind: b.resourceKind,
    requesterOrgId: b.orgId,
    requesterNameZh: b.requesterNameZh,
    requesterNameEn: b.requesterNameEn,
    ownerOrgId: b.ownerOrgId,
    ownerNameZh: b.ownerNameZh,
    ownerNameEn: b.ownerNameEn,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    status: b.status,
    purpose: b.purpose,
    createdAt: b.createdAt.toISOString(),
    decidedAt: b.decidedAt?.toISOString() ?? null,
    decisionNote: b.decisionNote,
    cancelledAt: b.cancelledAt?.toISOString() ?? null,
    cancelReason: b.cancelReason,
    usedHours: b.usedHours,
    usageNote: b.usageNote,
    cost: Math.round(hours * b.pricePerHour * 100) / 100,
    rating: b.rating,
    ratingComment: b.ratingComment,
  };
}
