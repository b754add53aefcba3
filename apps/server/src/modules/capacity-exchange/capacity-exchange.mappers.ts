import type {
  CapacityOffer,
  CapacityOrder,
  CapacityOrderStatus,
  CapacityProcess,
  Quote,
  Rfq,
} from "@clusterbrain/contracts";
import type { CapacityOfferView, CapacityOrderView } from "./capacity-exchange.repository.ts";
import type { QuoteView, RfqView } from "./capacity-rfq.repository.ts";

export function toOffer(r: CapacityOfferView): CapacityOffer {
  return {
    id: r.id,
    orgId: r.orgId,
    orgNameZh: r.orgNameZh,
    orgNameEn: r.orgNameEn,
    process: r.process as CapacityProcess,
    hoursTotal: r.hoursTotal,
    hoursAvailable: r.hoursTotal - r.hoursBooked,
    pricePerHour: Number(r.pricePerHour),
    certifications: r.certifications,
    leadTimeDays: r.leadTimeDays,
    source: r.source === "schedule" ? "schedule" : "manual",
    workCentre: r.workCentre,
    availableFrom: r.availableFrom,
    availableTo: r.availableTo,
    createdAt: r.createdAt.toISOString(),
  };
}

/** An order is booked until the seller ships it; its shipment's last event says when it is delivered. */
export function orderStatus(shipmentStatus: string | null): CapacityOrderStatus {
  if (shipmentStatus === null) return "booked";
  return shipmentStatus === "delivered" ? "delivered" : "shipped";
}

export function toOrder(r: CapacityOrderView): CapacityOrder {
  return {
    id: r.id,
    buyerOrgId: r.orgId,
    sellerOrgId: r.sellerOrgId,
    buyerNameZh: r.buyerNameZh,
    buyerNameEn: r.buyerNameEn,
    sellerNameZh: r.sellerNameZh,
    sellerNameEn: r.sellerNameEn,
    offerId: r.offerId,
    rfqId: r.rfqId,
    quoteId: r.quoteId,
    process: r.process as CapacityProcess,
    hours: r.hours,
    pricePerHour: Number(r.pricePerHour),
    status: orderStatus(r.shipmentStatus),
    shipmentId: r.shipmentId,
    shipmentStatus: r.shipmentStatus,
    createdAt: r.createdAt.toISOString(),
  };
}

export function toRfq(r: RfqView): Rfq {
  return {
    id: r.id,
    buyerOrgId: r.orgId,
    buyerNameZh: r.buyerNameZh,
    buyerNameEn: r.buyerNameEn,
    process: r.process as CapacityProcess,
    hours: r.hours,
    windowFrom: r.windowFrom,
    windowTo: r.windowTo,
    spec: r.spec,
    certifications: r.certifications,
    status: r.status === "ordered" ? "ordered" : "open",
    createdAt: r.createdAt.toISOString(),
  };
}

export function toQuote(r: QuoteView): Quote {
  return {
    id: r.id,
    rfqId: r.rfqId,
    supplierOrgId: r.orgId,
    supplierNameZh: r.supplierNameZh,
    supplierNameEn: r.supplierNameEn,
    offerId: r.offerId,
    hours: r.hours,
    pricePerHour: Number(r.pricePerHour),
    startOn: r.startOn,
    endOn: r.endOn,
    note: r.note,
    status: r.status as Quote["status"],
    orderId: r.orderId,
    createdAt: r.createdAt.toISOString(),
  };
}
