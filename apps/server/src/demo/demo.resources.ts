import { FIRM_A_KEY, HELIAN_KEY, SHIYUAN_KEY, XINYUAN_KEY } from "@clusterbrain/demo";
import type { Tx } from "../db/database.ts";
import { hubBookings, hubResources } from "../db/schema/index.ts";
import { loadDemoEvents } from "./demo.events.ts";
import { loadDemoKnowledge } from "./demo.knowledge.ts";
import { demoUserId } from "./demo.rows.ts";

/** Stable ids of the demo's shared resources (tests and the e2e find them by these). */
export const DEMO_RESOURCE_IDS = {
  emcChamber: "res-demo-emc-chamber",
  sem: "res-demo-zjxu-sem",
  reliabilityLab: "res-demo-reliability-lab",
  smtLine: "res-demo-smt-line",
  expert: "res-demo-expert-magnetics",
} as const;

type ResourceRow = typeof hubResources.$inferInsert;
type BookingRow = typeof hubBookings.$inferInsert;

/** `hour`:00 cluster time (UTC+8) on the cluster day `days` after the one `at` falls on. */
function clusterAt(at: Date, days: number, hour: number): Date {
  const day = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000 + (hour - 8) * 3_600_000);
}

/**
 * The hub's shared resources: 禾联's EMC chamber and SMT prototype line, 嘉兴学院's SEM, the testing
 * centre's reliability lab and an expert of the Tsinghua Yangtze Delta institute; with bookings so
 * that 禾联's owner (the partner persona) has requests to answer and 华磁 has history to rate.
 */
export function demoResourceRows(at: Date): { resources: ResourceRow[]; bookings: BookingRow[] } {
  const base = {
    status: "active" as const,
    createdAt: clusterAt(at, -60, 9),
    updatedAt: clusterAt(at, -60, 9),
  };
  const resources: ResourceRow[] = [
    {
      ...base,
      id: DEMO_RESOURCE_IDS.emcChamber,
      orgId: HELIAN_KEY,
      kind: "lab",
      nameZh: "3 米法电磁兼容暗室",
      nameEn: "3 m EMC semi-anechoic chamber",
      description:
        "医疗电子与电源产品的辐射/传导发射预测试（IEC 60601-1-2、GB/T 18268）。Pre-compliance radiated and conducted emission tests for medical and power electronics.",
      specs: [
        { key: "频率范围 Frequency", value: "30 MHz – 6 GHz" },
        { key: "测试距离 Distance", value: "3 m" },
        { key: "转台承重 Turntable load", value: "500 kg" },
      ],
      location: "秀洲区 禾联 2 号楼",
      pricePerHour: 800,
      rules:
        "须由本司工程师陪同；样品须提前一天送达。An engineer of ours attends; deliver samples a day ahead.",
      minHours: 2,
      maxHours: 8,
      cancelNoticeHours: 48,
      openHour: 8,
      closeHour: 20,
    },
    {
      ...base,
      id: DEMO_RESOURCE_IDS.smtLine,
      orgId: HELIAN_KEY,
      kind: "equipment",
      nameZh: "SMT 打样线（小批量）",
      nameEn: "SMT prototype line (small batches)",
      description:
        "01005–QFN 贴装，回流焊与 AOI，适合 50–500 片样板。Placement down to 01005, reflow and AOI for 50–500 boards.",
      specs: [
        { key: "贴片速度 Placement", value: "40,000 CPH" },
        { key: "最小元件 Smallest part", value: "01005" },
      ],
      location: "秀洲区 禾联 1 号楼",
      pricePerHour: 1200,
      rules: "提供 Gerber、BOM 与坐标文件。Send Gerber, BOM and pick-and-place files.",
      minHours: 4,
      maxHours: 8,
      cancelNoticeHours: 72,
      openHour: 8,
      closeHour: 20,
    },
    {
      ...base,
      id: DEMO_RESOURCE_IDS.sem,
      orgId: "org-uni-zjxu",
      kind: "instrument",
      nameZh: "场发射扫描电子显微镜（含能谱）",
      nameEn: "Field-emission SEM with EDS",
      description:
        "磁芯、焊点与镀层的微观形貌和成分分析。Microstructure and composition of cores, solder joints and platings.",
      specs: [
        { key: "分辨率 Resolution", value: "0.8 nm @ 15 kV" },
        { key: "能谱 EDS", value: "Be–U" },
      ],
      location: "嘉兴学院 分析测试中心",
      pricePerHour: 500,
      rules: "首次使用须参加 2 小时培训。First-time users attend a 2-hour training.",
      minHours: 1,
      maxHours: 4,
      cancelNoticeHours: 24,
      openHour: 9,
      closeHour: 17,
    },
    {
      ...base,
      id: DEMO_RESOURCE_IDS.reliabilityLab,
      orgId: "org-svc-testing",
      kind: "lab",
      nameZh: "可靠性实验室（高低温、湿热、振动）",
      nameEn: "Reliability lab (thermal, damp heat, vibration)",
      description:
        "AEC-Q200 与 IEC 60068 环境试验，全天候运行。AEC-Q200 and IEC 60068 environmental tests, round the clock.",
      specs: [
        { key: "温度 Temperature", value: "-70 °C – +180 °C" },
        { key: "湿热 Damp heat", value: "85 °C / 85 % RH" },
        { key: "振动 Vibration", value: "5–2000 Hz, 3 kN" },
      ],
      location: "南湖区 检验检测中心",
      pricePerHour: 150,
      rules: "按整段时长计费，试验中途不可插队。Billed for the whole period; no interruptions mid-test.",
      minHours: 24,
      maxHours: 24 * 7,
      cancelNoticeHours: 72,
      openHour: 0,
      closeHour: 24,
    },
    {
      ...base,
      id: DEMO_RESOURCE_IDS.expert,
      orgId: "org-inst-tsinghua-yrd",
      kind: "expert",
      nameZh: "陈博士 · 磁性元件与电源 EMC",
      nameEn: "Dr. Chen · magnetic components and power EMC",
      description:
        "一体成型电感选材、损耗建模与 EMC 整改咨询。Material choice for molded inductors, loss modelling and EMC fixes.",
      specs: [
        { key: "领域 Fields", value: "磁芯材料, 电感, EMC / magnetic cores, inductors, EMC" },
        { key: "语言 Languages", value: "中文, English" },
      ],
      location: "浙江清华长三角研究院",
      pricePerHour: 1000,
      rules: "线上或到厂；请附问题简述。Online or on site; include a short brief.",
      minHours: 1,
      maxHours: 4,
      cancelNoticeHours: 24,
      openHour: 9,
      closeHour: 18,
    },
  ];
  const owner = demoUserId("owner");
  const bookings: BookingRow[] = [
    {
      id: "booking-demo-sem-done",
      orgId: FIRM_A_KEY,
      resourceId: DEMO_RESOURCE_IDS.sem,
      ownerOrgId: "org-uni-zjxu",
      startsAt: clusterAt(at, -10, 9),
      endsAt: clusterAt(at, -10, 12),
      status: "completed",
      purpose: "一体成型电感磁粉断面分析",
      requestedBy: owner,
      createdAt: clusterAt(at, -14, 10),
      decidedAt: clusterAt(at, -13, 10),
      usedHours: 2.5,
      usageNote: "按时完成",
      completedAt: clusterAt(at, -10, 12),
      rating: 5,
      ratingComment: "图像清晰，老师很专业",
      ratedAt: clusterAt(at, -9, 10),
    },
    {
      id: "booking-demo-reliability",
      orgId: FIRM_A_KEY,
      resourceId: DEMO_RESOURCE_IDS.reliabilityLab,
      ownerOrgId: "org-svc-testing",
      startsAt: clusterAt(at, 5, 0),
      endsAt: clusterAt(at, 7, 0),
      status: "approved",
      purpose: "车规功率电感 AEC-Q200 高温存储",
      requestedBy: owner,
      createdAt: clusterAt(at, -3, 10),
      decidedAt: clusterAt(at, -2, 10),
    },
    {
      id: "booking-demo-emc-shiyuan",
      orgId: SHIYUAN_KEY,
      resourceId: DEMO_RESOURCE_IDS.emcChamber,
      ownerOrgId: HELIAN_KEY,
      startsAt: clusterAt(at, 2, 10),
      endsAt: clusterAt(at, 2, 14),
      status: "pending",
      purpose: "监护仪电源 IEC 60601-1-2 辐射发射预测试",
      createdAt: clusterAt(at, -1, 15),
    },
    {
      id: "booking-demo-smt-huaci",
      orgId: FIRM_A_KEY,
      resourceId: DEMO_RESOURCE_IDS.smtLine,
      ownerOrgId: HELIAN_KEY,
      startsAt: clusterAt(at, 3, 8),
      endsAt: clusterAt(at, 3, 12),
      status: "pending",
      purpose: "新型电感评估板打样 100 片",
      requestedBy: owner,
      createdAt: clusterAt(at, -1, 9),
    },
    {
      id: "booking-demo-expert-xinyuan",
      orgId: XINYUAN_KEY,
      resourceId: DEMO_RESOURCE_IDS.expert,
      ownerOrgId: "org-inst-tsinghua-yrd",
      startsAt: clusterAt(at, 4, 14),
      endsAt: clusterAt(at, 4, 16),
      status: "approved",
      purpose: "电源芯片参考设计的 EMC 整改咨询",
      createdAt: clusterAt(at, -2, 9),
      decidedAt: clusterAt(at, -1, 9),
    },
  ];
  return { resources, bookings };
}

/**
 * Inserts the hub's demo data (called once by the demo loader): resources and bookings, then the
 * knowledge base, then events and policy notices.
 */
export async function loadDemoResources(tx: Tx, at: Date): Promise<void> {
  const rows = demoResourceRows(at);
  await tx.insert(hubResources).values(rows.resources);
  await tx.insert(hubBookings).values(rows.bookings);
  await loadDemoKnowledge(tx, at);
  await loadDemoEvents(tx, at);
}
