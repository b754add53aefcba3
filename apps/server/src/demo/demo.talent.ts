import { FIRM_A_KEY, HELIAN_KEY, OPERATOR_KEY, SHIYUAN_KEY, XINYUAN_KEY } from "@clusterbrain/demo";
import type { Tx } from "../db/database.ts";
import {
  talentCompetitions,
  talentEntries,
  talentPeople,
  talentSecondments,
  talentStaffing,
  talentStudioApprentices,
  talentStudios,
  talentStudioTrainings,
} from "../db/schema/index.ts";

const DAY_MS = 86_400_000;
type Person = typeof talentPeople.$inferInsert;

/** People of four demo firms; 孙工 of 华磁 does not consent, so only 华磁 itself sees him. */
const PEOPLE: Person[] = [
  p(
    "talent-demo-huaci-wang",
    FIRM_A_KEY,
    "王建国",
    ["绕线工艺", "磁芯烧结", "SMT"],
    ["高级技师", "六西格玛绿带"],
    true,
  ),
  p("talent-demo-huaci-li", FIRM_A_KEY, "李晓燕", ["电感设计", "EMC 测试"], ["注册电气工程师"], true),
  p("talent-demo-huaci-sun", FIRM_A_KEY, "孙立明", ["设备维修", "PLC"], ["电工证"], false),
  p(
    "talent-demo-shiyuan-zhao",
    SHIYUAN_KEY,
    "赵文静",
    ["医疗器械注册", "质量体系"],
    ["ISO 13485 内审员"],
    true,
  ),
  p("talent-demo-shiyuan-chen", SHIYUAN_KEY, "陈浩", ["嵌入式软件", "SMT"], ["软件设计师"], true),
  p("talent-demo-helian-zhou", HELIAN_KEY, "周敏", ["SMT", "回流焊", "AOI"], ["高级技工"], true),
  p("talent-demo-helian-wu", HELIAN_KEY, "吴强", ["焊接", "返修"], ["IPC-A-610 认证"], true),
  p("talent-demo-xinyuan-he", XINYUAN_KEY, "何佳", ["芯片测试", "可靠性"], ["高级工程师"], true),
];

function p(
  id: string,
  orgId: string,
  name: string,
  skills: string[],
  certificates: string[],
  consent: boolean,
): Person {
  return { id, orgId, name, skills, certificates, consent, availability: consent ? "available" : "partly" };
}

/**
 * Talent sharing demo: the pool above, a pending secondment (世源 asks 华磁 for 王建国, so 华磁's
 * owner finds it in the approval queue), an approved one, and the operator's SMT competition with
 * three scored entries and one not yet scored.
 */
export async function loadDemoTalent(tx: Tx, at: Date): Promise<void> {
  const day = (n: number) => new Date(at.getTime() + n * DAY_MS).toISOString().slice(0, 10);
  await tx.insert(talentPeople).values(PEOPLE.map((x) => ({ ...x, createdAt: at })));
  await tx.insert(talentSecondments).values([
    {
      id: "secondment-demo-shiyuan-wang",
      orgId: FIRM_A_KEY,
      requesterOrgId: SHIYUAN_KEY,
      personId: "talent-demo-huaci-wang",
      role: "电源模块绕线工艺顾问",
      startsOn: day(14),
      endsOn: day(104),
      note: "监护仪电源模块量产爬坡",
      status: "pending",
      createdAt: at,
    },
    {
      id: "secondment-demo-huaci-zhou",
      orgId: HELIAN_KEY,
      requesterOrgId: FIRM_A_KEY,
      personId: "talent-demo-helian-zhou",
      role: "SMT 产线导入",
      startsOn: day(-30),
      endsOn: day(60),
      note: "",
      status: "approved",
      createdAt: new Date(at.getTime() - 40 * DAY_MS),
      decidedAt: new Date(at.getTime() - 35 * DAY_MS),
    },
  ]);
  await tx.insert(talentCompetitions).values({
    id: "competition-demo-smt",
    orgId: OPERATOR_KEY,
    title: "嘉兴电子集群 SMT 技能比武",
    skill: "SMT",
    heldOn: day(-7),
    createdAt: at,
  });
  const entries: [string, string, string, number | null][] = [
    ["entry-demo-smt-zhou", HELIAN_KEY, "talent-demo-helian-zhou", 96],
    ["entry-demo-smt-wang", FIRM_A_KEY, "talent-demo-huaci-wang", 91.5],
    ["entry-demo-smt-chen", SHIYUAN_KEY, "talent-demo-shiyuan-chen", 88],
    ["entry-demo-smt-wu", HELIAN_KEY, "talent-demo-helian-wu", null],
  ];
  await tx.insert(talentEntries).values(
    entries.map(([id, orgId, personId, score]) => ({
      id,
      orgId,
      competitionId: "competition-demo-smt",
      personId,
      score,
      createdAt: at,
    })),
  );
}

/**
 * Skill-master studios: 王建国's winding studio at 华磁 (apprentices 孙立明 of 华磁, not listed, and
 * 陈浩 of 世源) with three training records, and 周敏's SMT studio at 禾联; a pending staffing request
 * of 世源 for 禾联's 吴强 on the monitor power-module project.
 */
export async function loadDemoStudios(tx: Tx, at: Date): Promise<void> {
  const day = (n: number) => new Date(at.getTime() + n * DAY_MS).toISOString().slice(0, 10);
  await tx.insert(talentStudios).values([
    {
      id: "studio-demo-huaci-wang",
      orgId: FIRM_A_KEY,
      name: "王建国精密绕线技能大师工作室",
      skill: "绕线工艺",
      masterId: "talent-demo-huaci-wang",
      description: "高频功率电感绕线与磁芯烧结工艺传承",
      createdAt: at,
    },
    {
      id: "studio-demo-helian-zhou",
      orgId: HELIAN_KEY,
      name: "周敏 SMT 技能大师工作室",
      skill: "SMT",
      masterId: "talent-demo-helian-zhou",
      description: "回流焊曲线与 AOI 缺陷判读",
      createdAt: at,
    },
  ]);
  await tx.insert(talentStudioApprentices).values([
    {
      studioId: "studio-demo-huaci-wang",
      personId: "talent-demo-huaci-sun",
      orgId: FIRM_A_KEY,
      joinedOn: day(-120),
    },
    {
      studioId: "studio-demo-huaci-wang",
      personId: "talent-demo-shiyuan-chen",
      orgId: FIRM_A_KEY,
      joinedOn: day(-90),
    },
    {
      studioId: "studio-demo-helian-zhou",
      personId: "talent-demo-helian-wu",
      orgId: HELIAN_KEY,
      joinedOn: day(-60),
    },
  ]);
  const trainings: [string, string, string, number, number][] = [
    ["training-demo-wang-1", "studio-demo-huaci-wang", "扁平线立绕工艺", -84, 4],
    ["training-demo-wang-2", "studio-demo-huaci-wang", "铁氧体磁芯烧结曲线", -56, 3.5],
    ["training-demo-wang-3", "studio-demo-huaci-wang", "高端电感良率分析", -21, 2],
    ["training-demo-zhou-1", "studio-demo-helian-zhou", "回流焊温度曲线调优", -30, 3],
  ];
  await tx.insert(talentStudioTrainings).values(
    trainings.map(([id, studioId, topic, offset, hours]) => ({
      id,
      studioId,
      orgId: studioId === "studio-demo-huaci-wang" ? FIRM_A_KEY : HELIAN_KEY,
      heldOn: day(offset),
      topic,
      hours,
      createdAt: at,
    })),
  );
  await tx.insert(talentStaffing).values({
    id: "staffing-demo-shiyuan-wu",
    orgId: HELIAN_KEY,
    requesterOrgId: SHIYUAN_KEY,
    personId: "talent-demo-helian-wu",
    projectId: null,
    projectTitle: "监护仪电源模块返修线",
    role: "返修工艺指导",
    startsOn: day(21),
    endsOn: day(81),
    status: "pending",
    createdAt: at,
  });
}
