import { FIRM_A_KEY, HELIAN_KEY, OPERATOR_KEY, SHIYUAN_KEY, XINYUAN_KEY } from "@clusterbrain/demo";
import type { Tx } from "../db/database.ts";
import { hubEventRegistrations, hubEvents, hubPolicies } from "../db/schema/index.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Events and notices of the demo: a medical-electronics fair, an academic conference, the
 * operator's 产学研 matchmaking and 禾联's supplier day running today (its owner, the partner
 * persona, checks attendees in); funding notices from the science and industry bureaus and an
 * open voucher from the operator, so 华磁 and 禾联 each see different eligible notices.
 */
export function demoEventRows(at: Date) {
  const t = (days: number, hours = 0) => new Date(at.getTime() + days * DAY + hours * HOUR);
  const events: (typeof hubEvents.$inferInsert)[] = [
    {
      id: "event-demo-medical-fair",
      orgId: "org-svc-assoc-medical",
      kind: "fair",
      titleZh: "嘉兴医疗电子产业博览会",
      titleEn: "Jiaxing Medical Electronics Expo",
      description:
        "监护、影像与康复设备整机及核心元器件展示。Patient monitoring, imaging and rehabilitation devices and their components.",
      location: "嘉兴国际会展中心",
      startsAt: t(20),
      endsAt: t(21, 8),
      capacity: 200,
      createdAt: t(-20),
    },
    {
      id: "event-demo-magnetics-conference",
      orgId: "org-uni-zjxu",
      kind: "conference",
      titleZh: "磁性元件与电源技术学术研讨会",
      titleEn: "Symposium on magnetic components and power electronics",
      description: "高频磁芯损耗、一体成型电感与宽禁带器件电源设计。",
      location: "嘉兴学院 越秀校区",
      startsAt: t(12),
      endsAt: t(12, 8),
      capacity: null,
      createdAt: t(-15),
    },
    {
      id: "event-demo-matchmaking",
      orgId: OPERATOR_KEY,
      kind: "matchmaking",
      titleZh: "产学研技术需求对接会",
      titleEn: "Industry–university matchmaking session",
      description: "企业技术需求与高校院所成果一对一洽谈。",
      location: "集群服务中心 3 楼",
      startsAt: t(5),
      endsAt: t(5, 4),
      capacity: 30,
      createdAt: t(-10),
    },
    {
      id: "event-demo-helian-supplier-day",
      orgId: HELIAN_KEY,
      kind: "matchmaking",
      titleZh: "禾联供应商对接日",
      titleEn: "Helian supplier day",
      description: "医疗电源与 PCBA 项目的元器件供应商洽谈。",
      location: "禾联 1 号楼报告厅",
      startsAt: t(0, -2),
      endsAt: t(0, 6),
      capacity: 20,
      createdAt: t(-7),
    },
  ];
  const reg = (id: string, eventId: string, orgId: string, attendee: string, checkedIn = false) => ({
    id,
    eventId,
    orgId,
    attendee,
    createdAt: t(-3),
    checkedInAt: checkedIn ? t(0, -1) : null,
  });
  const registrations: (typeof hubEventRegistrations.$inferInsert)[] = [
    reg("event-reg-demo-fair-shiyuan", "event-demo-medical-fair", SHIYUAN_KEY, "市场部 李明"),
    reg("event-reg-demo-fair-xinyuan", "event-demo-medical-fair", XINYUAN_KEY, "销售总监 王芳"),
    reg("event-reg-demo-match-huaci", "event-demo-matchmaking", FIRM_A_KEY, "华磁 张建华"),
    reg("event-reg-demo-supplier-huaci", "event-demo-helian-supplier-day", FIRM_A_KEY, "华磁 刘洋", true),
    reg("event-reg-demo-supplier-xinyuan", "event-demo-helian-supplier-day", XINYUAN_KEY, "芯源 赵强"),
  ];
  const policies: (typeof hubPolicies.$inferInsert)[] = [
    {
      id: "policy-demo-rd-subsidy",
      orgId: "org-gov-sti",
      titleZh: "电子元器件与医疗器械中小企业研发费用补助",
      titleEn: "R&D subsidy for small and medium component and medical-device firms",
      summary: "按上年度研发投入的 10% 给予补助，需提交研发费用专项审计报告。",
      funding: "最高 50 万元 / up to CNY 500,000",
      deadline: t(45).toISOString().slice(0, 10),
      industryCodes: ["398", "358"],
      sizeBands: ["small", "medium"],
      districts: [],
      createdAt: t(-5),
    },
    {
      id: "policy-demo-smart-factory",
      orgId: "org-gov-eit",
      titleZh: "智能制造（数字化车间）专项资金",
      titleEn: "Smart manufacturing (digital workshop) fund",
      summary: "支持规模以上电子制造企业建设数字化车间、设备联网与 MES。",
      funding: "设备投资的 15%，最高 200 万元",
      deadline: t(60).toISOString().slice(0, 10),
      industryCodes: ["39"],
      sizeBands: ["large"],
      districts: [],
      createdAt: t(-8),
    },
    {
      id: "policy-demo-instrument-voucher",
      orgId: OPERATOR_KEY,
      titleZh: "共享仪器创新券",
      titleEn: "Shared-instrument innovation vouchers",
      summary: "在平台预约共享仪器与实验室的费用，可用创新券抵扣 50%。",
      funding: "每家每年最高 10 万元",
      deadline: null,
      industryCodes: [],
      sizeBands: [],
      districts: [],
      createdAt: t(-2),
    },
  ];
  return { events, registrations, policies };
}

/** Inserts the demo events, registrations and policy notices. */
export async function loadDemoEvents(tx: Tx, at: Date): Promise<void> {
  const rows = demoEventRows(at);
  await tx.insert(hubEvents).values(rows.events);
  await tx.insert(hubEventRegistrations).values(rows.registrations);
  await tx.insert(hubPolicies).values(rows.policies);
}
