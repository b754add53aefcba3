import type { ShipmentEventType } from "@clusterbrain/contracts";
import { FIRM_A_KEY, HELIAN_KEY, SHIYUAN_KEY } from "@clusterbrain/demo";
import type { Tx } from "../db/database.ts";
import { logisticsShipmentEvents, logisticsShipments } from "../db/schema/index.ts";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

type Step = [type: ShipmentEventType, hoursFromAt: number, location: string, eta?: number];

interface DemoShipment {
  id: string;
  orgId: string;
  consigneeOrgId: string | null;
  consigneeName: string;
  carrier: string;
  trackingNo: string;
  /** Days from the load time to the promised delivery date. */
  promisedInDays: number;
  steps: Step[];
}

/**
 * Shipments of the demo firms: 华磁 ships inductors to 世源 (one delivered, one on its way with a
 * carrier ETA, one late: promised two days ago and still at a hub), 世源 ships monitors to a
 * hospital, 和联 ships boards to 世源. The late one raises 华磁's alert on the first look.
 */
const SHIPMENTS: DemoShipment[] = [
  {
    id: "shipment-demo-huaci-1",
    orgId: FIRM_A_KEY,
    consigneeOrgId: SHIYUAN_KEY,
    consigneeName: "",
    carrier: "顺丰速运",
    trackingNo: "SF1402208811",
    promisedInDays: -5,
    steps: [
      ["picked_up", -8 * 24, "嘉兴南湖"],
      ["in_transit", -7 * 24, "杭州转运中心"],
      ["out_for_delivery", -6 * 24 - 6, "嘉兴秀洲"],
      ["delivered", -6 * 24, "世源医疗收货区"],
    ],
  },
  {
    id: "shipment-demo-huaci-2",
    orgId: FIRM_A_KEY,
    consigneeOrgId: SHIYUAN_KEY,
    consigneeName: "",
    carrier: "德邦快递",
    trackingNo: "DPK7730192456",
    promisedInDays: -2,
    steps: [
      ["picked_up", -4 * 24, "嘉兴南湖"],
      ["at_hub", -3 * 24, "上海青浦分拨中心"],
      ["exception", -2 * 24, "上海青浦分拨中心"],
    ],
  },
  {
    id: "shipment-demo-huaci-3",
    orgId: FIRM_A_KEY,
    consigneeOrgId: HELIAN_KEY,
    consigneeName: "",
    carrier: "顺丰速运",
    trackingNo: "SF1402209934",
    promisedInDays: 3,
    steps: [
      ["picked_up", -10, "嘉兴南湖"],
      ["in_transit", -2, "杭州转运中心", 30],
    ],
  },
  {
    id: "shipment-demo-shiyuan-1",
    orgId: SHIYUAN_KEY,
    consigneeOrgId: null,
    consigneeName: "嘉兴市第一医院 设备科",
    carrier: "京东物流",
    trackingNo: "JDV004417720031",
    promisedInDays: 2,
    steps: [["picked_up", -3, "嘉兴秀洲", 20]],
  },
  {
    id: "shipment-demo-helian-1",
    orgId: HELIAN_KEY,
    consigneeOrgId: SHIYUAN_KEY,
    consigneeName: "",
    carrier: "中通快递",
    trackingNo: "ZTO78124099310",
    promisedInDays: 1,
    steps: [],
  },
];

export async function loadDemoLogistics(tx: Tx, at: Date): Promise<void> {
  const hours = (n: number) => new Date(at.getTime() + n * HOUR_MS);
  const day = (n: number) => new Date(at.getTime() + n * DAY_MS + 8 * HOUR_MS).toISOString().slice(0, 10);
  for (const s of SHIPMENTS) {
    const last = s.steps.at(-1);
    const lastEta = s.steps.findLast((x) => x[3] !== undefined)?.[3];
    await tx.insert(logisticsShipments).values({
      id: s.id,
      orgId: s.orgId,
      consigneeOrgId: s.consigneeOrgId,
      consigneeName: s.consigneeName,
      carrier: s.carrier,
      trackingNo: s.trackingNo,
      promisedOn: day(s.promisedInDays),
      status: last ? last[0] : "created",
      carrierEta: lastEta === undefined ? null : hours(lastEta),
      lastEventAt: last ? hours(last[1]) : null,
      createdAt: hours((s.steps[0]?.[1] ?? 0) - 2),
    });
    if (s.steps.length === 0) continue;
    await tx.insert(logisticsShipmentEvents).values(
      s.steps.map(([type, h, location, eta], i) => ({
        id: `${s.id}-e${i + 1}`,
        orgId: s.orgId,
        shipmentId: s.id,
        type,
        occurredAt: hours(h),
        location,
        note: type === "exception" ? "地址核验未通过，等待收货方确认" : "",
        eta: eta === undefined ? null : hours(eta),
        source: i % 2 === 0 ? ("webhook" as const) : ("api" as const),
        externalId: i % 2 === 0 ? `${s.trackingNo}-${i + 1}` : null,
        createdAt: hours(h),
      })),
    );
  }
}
