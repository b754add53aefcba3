import { FIRM_A_KEY, HELIAN_KEY, SHIYUAN_KEY } from "@clusterbrain/demo";
import type { Tx } from "../db/database.ts";
import {
  capacityOffers,
  capacityOrders,
  capacityQuotes,
  capacityRfqInvites,
  capacityRfqs,
} from "../db/schema/index.ts";

const DAY_MS = 86_400_000;

/**
 * The capacity exchange of the demo: hand-entered offers of three firms; an open RFQ of 世源 for
 * winding hours with 华磁 invited and its quote waiting; and an earlier RFQ of 世源 that became an
 * order, shipped by 华磁 with the demo shipment that was delivered (so its order shows delivered).
 * Offers from idle schedule hours appear once a firm publishes a schedule after `npm start`.
 */
export async function loadDemoCapacity(tx: Tx, at: Date): Promise<void> {
  const day = (n: number) => new Date(at.getTime() + n * DAY_MS + 8 * 3_600_000).toISOString().slice(0, 10);
  const when = (n: number) => new Date(at.getTime() + n * DAY_MS);
  const offer = (
    orgId: string,
    id: string,
    process: string,
    hours: number,
    price: number,
    lead: number,
    booked = 0,
  ) => ({
    orgId,
    id,
    process,
    hoursTotal: hours,
    hoursBooked: booked,
    pricePerHour: price,
    certifications: ["ISO 13485"],
    leadTimeDays: lead,
    createdAt: when(-20),
  });
  await tx
    .insert(capacityOffers)
    .values([
      offer(FIRM_A_KEY, "capacity-demo-huaci-winding", "winding", 160, 95, 3, 60),
      offer(FIRM_A_KEY, "capacity-demo-huaci-moulding", "moulding", 80, 140, 5),
      offer(HELIAN_KEY, "capacity-demo-helian-smt", "smt", 200, 260, 2),
      offer(SHIYUAN_KEY, "capacity-demo-shiyuan-testing", "testing", 60, 180, 7),
    ]);
  await tx.insert(capacityRfqs).values([
    {
      orgId: SHIYUAN_KEY,
      id: "rfq-demo-shiyuan-coils",
      process: "winding",
      hours: 60,
      windowFrom: day(-14),
      windowTo: day(-8),
      spec: "监护仪电源滤波电感绕线，线径 0.4 mm，首件检验",
      certifications: ["ISO 13485"],
      status: "ordered",
      createdAt: when(-18),
    },
    {
      orgId: SHIYUAN_KEY,
      id: "rfq-demo-shiyuan-chokes",
      process: "winding",
      hours: 40,
      windowFrom: day(7),
      windowTo: day(20),
      spec: "共模扼流圈绕线 40 小时，随货附检验报告",
      certifications: ["ISO 13485"],
      status: "open",
      createdAt: when(-1),
    },
  ]);
  await tx.insert(capacityRfqInvites).values([
    {
      orgId: FIRM_A_KEY,
      rfqId: "rfq-demo-shiyuan-coils",
      offerId: "capacity-demo-huaci-winding",
      createdAt: when(-17),
    },
    {
      orgId: FIRM_A_KEY,
      rfqId: "rfq-demo-shiyuan-chokes",
      offerId: "capacity-demo-huaci-winding",
      createdAt: when(-1),
    },
  ]);
  await tx.insert(capacityQuotes).values([
    {
      orgId: FIRM_A_KEY,
      id: "quote-demo-huaci-coils",
      rfqId: "rfq-demo-shiyuan-coils",
      offerId: "capacity-demo-huaci-winding",
      hours: 60,
      pricePerHour: 95,
      startOn: day(-13),
      endOn: day(-9),
      note: "两台自动绕线机并行",
      status: "accepted",
      orderId: "capacity-order-demo-coils",
      createdAt: when(-16),
    },
    {
      orgId: FIRM_A_KEY,
      id: "quote-demo-huaci-chokes",
      rfqId: "rfq-demo-shiyuan-chokes",
      offerId: "capacity-demo-huaci-winding",
      hours: 40,
      pricePerHour: 98,
      startOn: day(8),
      endOn: day(12),
      note: "",
      status: "open",
      createdAt: when(0),
    },
  ]);
  await tx.insert(capacityOrders).values({
    orgId: SHIYUAN_KEY,
    id: "capacity-order-demo-coils",
    sellerOrgId: FIRM_A_KEY,
    offerId: "capacity-demo-huaci-winding",
    hours: 60,
    pricePerHour: 95,
    rfqId: "rfq-demo-shiyuan-coils",
    quoteId: "quote-demo-huaci-coils",
    startOn: day(-13),
    endOn: day(-9),
    // 华磁's demo shipment to 世源 that was delivered six days ago (demo.logistics.ts).
    shipmentId: "shipment-demo-huaci-1",
    createdAt: when(-15),
  });
}
