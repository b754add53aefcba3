import { createHash } from "node:crypto";
import { FIRM_A_KEY, HELIAN_KEY, SHIYUAN_KEY, XINYUAN_KEY } from "@clusterbrain/demo";
import type { Tx } from "../db/database.ts";
import {
  innovationActivity,
  innovationContacts,
  innovationDocuments,
  innovationListings,
  innovationMilestones,
  innovationProjectMembers,
  innovationProjects,
} from "../db/schema/index.ts";
import { demoUserId } from "./demo.rows.ts";

const DAY_MS = 86_400_000;
const ZJU = "org-inst-zju-jx";
const TSINGHUA = "org-inst-tsinghua-yrd";
const BIT = "org-inst-bit-yrd";
const ZJXU = "org-uni-zjxu";
const TONGJI = "org-uni-tongji-zj";
const NANHU = "org-uni-nanhu";
const JXVTC = "org-uni-jxvtc";
const TESTING = "org-svc-testing";

type ListingInsert = typeof innovationListings.$inferInsert;
type Spec = [
  id: string,
  orgId: string,
  kind: "demand" | "capability",
  title: string,
  description: string,
  keywords: string[],
  certifications?: string[],
];

/**
 * Firms' real demands and what the universities and institutes around them offer, written so the
 * matching has true pairs to find (电感 ↔ inductor, 磁芯 ↔ core, 贴片 ↔ SMT …).
 */
const LISTINGS: Spec[] = [
  [
    "listing-demo-huaci-core",
    FIRM_A_KEY,
    "demand",
    "高端一体成型功率电感低损耗磁芯材料研发",
    "面向服务器电源与车载 DC-DC，需在 1 MHz 下降低磁芯损耗 30%，并控制饱和电流下的温升。寻求高校院所联合攻关（产学研）。",
    ["电感", "磁芯", "铁氧体", "温升"],
    ["CNAS"],
  ],
  [
    "listing-demo-huaci-aecq",
    FIRM_A_KEY,
    "demand",
    "车规电感 AEC-Q200 可靠性验证与失效分析",
    "新品进入车载市场前需完成 AEC-Q200 全套试验，并对开裂、焊点失效做失效分析。",
    ["车规", "可靠性", "失效分析"],
    ["CNAS"],
  ],
  [
    "listing-demo-shiyuan-psu",
    SHIYUAN_KEY,
    "demand",
    "监护仪开关电源 IEC 60601 漏电流与 EMC 整改",
    "多参数监护仪电源模块漏电流超标，辐射发射预测试未通过，需要整改方案。",
    ["医疗电子", "电源", "EMC"],
  ],
  [
    "listing-demo-shiyuan-ecg",
    SHIYUAN_KEY,
    "demand",
    "可穿戴心电贴低功耗设计与心电降噪算法",
    "居家心电监测贴片，需要低功耗硬件与运动伪迹降噪算法。",
    ["心电", "可穿戴", "低功耗"],
  ],
  [
    "listing-demo-helian-aoi",
    HELIAN_KEY,
    "demand",
    "SMT 贴片焊点 AOI 深度学习检测，降低误判率",
    "现有 AOI 误判率 8%，希望用深度学习模型复判，减少人工复检。",
    ["贴片", "焊点", "机器视觉"],
  ],
  [
    "listing-demo-xinyuan-gan",
    XINYUAN_KEY,
    "demand",
    "GaN 快充电源高频变压器与电感设计",
    "65 W GaN 快充方案，需要 1 MHz 以上的平面变压器与功率电感设计支持。",
    ["氮化镓", "变压器", "电感"],
  ],
  [
    "listing-demo-zju-ferrite",
    ZJU,
    "capability",
    "Low-loss MnZn ferrite materials and sintering process",
    "Material formulation and sintering for power ferrite: core loss reduced by 30% at 500 kHz–1 MHz; pilot line for toroidal and EE cores.",
    ["ferrite", "magnetic core", "sintering"],
    ["CNAS"],
  ],
  [
    "listing-demo-tsinghua-inductor",
    TSINGHUA,
    "capability",
    "一体成型功率电感结构设计与电磁仿真",
    "金属软磁粉芯一体成型电感结构优化，饱和电流与温升协同仿真，已完成中试。",
    ["电感", "仿真", "磁粉芯"],
  ],
  [
    "listing-demo-zjxu-fem",
    ZJXU,
    "capability",
    "Finite element simulation of magnetic components",
    "Core loss, leakage inductance and thermal field simulation for inductors and transformers; measurement of B-H loops up to 10 MHz.",
    ["simulation", "inductor", "transformer", "core loss"],
  ],
  [
    "listing-demo-bit-aoi",
    BIT,
    "capability",
    "Machine vision AOI of PCBA solder joints with deep learning",
    "Defect classification models for reflow solder joints; deployable next to existing AOI machines.",
    ["machine vision", "AOI", "solder joint", "deep learning"],
  ],
  [
    "listing-demo-tongji-emc",
    TONGJI,
    "capability",
    "医用电气安全与 EMC 预测试",
    "IEC 60601-1 漏电流、介电强度测试与辐射/传导发射预测试，提供整改建议。",
    ["医用电气安全", "EMC", "检测"],
  ],
  [
    "listing-demo-nanhu-ecg",
    NANHU,
    "capability",
    "心电信号降噪算法与可穿戴设备低功耗设计",
    "运动伪迹与工频干扰抑制算法，BLE 低功耗心电采集硬件参考设计。",
    ["心电", "降噪", "低功耗", "可穿戴"],
  ],
  [
    "listing-demo-jxvtc-smt",
    JXVTC,
    "capability",
    "SMT reflow process optimisation and operator training",
    "Reflow profile tuning, solder paste printing and a teaching SMT line for prototypes.",
    ["SMT", "reflow", "training"],
  ],
  [
    "listing-demo-testing-aecq",
    TESTING,
    "capability",
    "电子元器件 AEC-Q200 可靠性试验与失效分析",
    "高低温、湿热、振动与寿命试验；扫描电镜失效分析。CNAS 认可实验室。",
    ["可靠性", "失效分析", "车规"],
    ["CNAS", "CMA"],
  ],
];

const PROJECT = "project-demo-high-end-inductor";
const CONTACT = "contact-demo-zju-huaci";

/** Inserts the innovation hub's demo rows: listings, one contact and a running joint project on high-end inductors. */
export async function insertDemoInnovation(tx: Tx, at: Date): Promise<void> {
  const days = (n: number) => new Date(at.getTime() + n * DAY_MS);
  const day = (n: number) => days(n).toISOString().slice(0, 10);
  const listings: ListingInsert[] = LISTINGS.map(
    ([id, orgId, kind, title, description, keywords, certs], i) => ({
      id,
      orgId,
      kind,
      title,
      description,
      keywords,
      certifications: certs ?? [],
      status: "open",
      createdBy:
        orgId === FIRM_A_KEY ? demoUserId("owner") : orgId === HELIAN_KEY ? demoUserId("partner") : null,
      createdAt: days(-40 + i),
      updatedAt: days(-40 + i),
    }),
  );
  await tx.insert(innovationListings).values(listings);
  await tx.insert(innovationContacts).values({
    id: CONTACT,
    orgId: ZJU,
    toOrgId: FIRM_A_KEY,
    listingId: "listing-demo-huaci-core",
    fromListingId: "listing-demo-zju-ferrite",
    message: "我院功率铁氧体中试线可支持 1 MHz 低损耗配方验证，建议联合申报。",
    createdAt: days(-30),
    projectId: PROJECT,
  });
  await tx.insert(innovationProjects).values({
    id: PROJECT,
    orgId: FIRM_A_KEY,
    title: "高端电感联合攻关：低损耗磁芯与一体成型功率电感",
    description:
      "华磁牵头，浙大嘉兴研究院负责材料配方与烧结，清华长三角研究院负责结构仿真；目标 1 MHz 损耗降低 30%。",
    status: "active",
    contactId: CONTACT,
    budgetTotal: 480,
    ip: {
      ownership: "by-contribution",
      licensing: "non-exclusive",
      publication: "review",
      notes: "论文与专利申请前 30 天由全体成员审阅；华磁享有量产实施许可。",
    },
    createdBy: demoUserId("owner"),
    createdAt: days(-28),
    updatedAt: days(-5),
  });
  await tx.insert(innovationProjectMembers).values([
    { projectId: PROJECT, orgId: FIRM_A_KEY, role: "lead", budgetShare: 50, addedAt: days(-28) },
    { projectId: PROJECT, orgId: ZJU, role: "research", budgetShare: 30, addedAt: days(-28) },
    { projectId: PROJECT, orgId: TSINGHUA, role: "research", budgetShare: 20, addedAt: days(-27) },
  ]);
  await tx.insert(innovationMilestones).values([
    {
      id: "ms-demo-1",
      orgId: FIRM_A_KEY,
      projectId: PROJECT,
      title: "低损耗 MnZn 材料配方定型",
      dueDate: day(-7),
      deliverables: ["配方报告", "损耗测试报告"],
      status: "done",
      completedAt: days(-5),
      completedByOrgId: ZJU,
    },
    {
      id: "ms-demo-2",
      orgId: FIRM_A_KEY,
      projectId: PROJECT,
      title: "一体成型电感样品试制（1210）",
      dueDate: day(45),
      deliverables: ["样品 200 只", "仿真与实测对比"],
      status: "open",
    },
    {
      id: "ms-demo-3",
      orgId: FIRM_A_KEY,
      projectId: PROJECT,
      title: "车规可靠性验证与量产导入",
      dueDate: day(150),
      deliverables: ["AEC-Q200 报告", "量产工艺文件"],
      status: "open",
    },
  ]);
  await tx.insert(innovationActivity).values([
    {
      id: "act-demo-1",
      projectId: PROJECT,
      orgId: FIRM_A_KEY,
      at: days(-28),
      action: "project.created",
      detail: "高端电感联合攻关",
    },
    {
      id: "act-demo-2",
      projectId: PROJECT,
      orgId: FIRM_A_KEY,
      at: days(-27),
      action: "member.added",
      detail: TSINGHUA,
    },
    {
      id: "act-demo-3",
      projectId: PROJECT,
      orgId: ZJU,
      at: days(-5),
      action: "milestone.completed",
      detail: "低损耗 MnZn 材料配方定型",
    },
  ]);
  // The project plan in two versions (the institute revised it) and the material test report.
  const docs: [string, number, number, string, string][] = [
    ["项目任务书.md", 1, -28, FIRM_A_KEY, "# 高端电感联合攻关\n目标：磁芯损耗降低 20%，温升 < 40 K。\n"],
    [
      "项目任务书.md",
      2,
      -20,
      ZJU,
      "# 高端电感联合攻关（修订）\n目标：磁芯损耗降低 20%，温升 < 40 K；增加车规 AEC-Q200 验证。\n",
    ],
    ["MnZn-material-test.csv", 1, -5, ZJU, "freq_khz,core_loss_kw_m3\n100,280\n300,610\n500,980\n"],
  ];
  await tx.insert(innovationDocuments).values(
    docs.map(([name, version, when, orgId, body], i) => {
      const content = Buffer.from(body, "utf8");
      return {
        id: `doc-demo-${i + 1}`,
        orgId: FIRM_A_KEY,
        projectId: PROJECT,
        name,
        version,
        contentType: name.endsWith(".csv") ? "text/csv" : "text/markdown",
        sizeBytes: content.length,
        sha256: createHash("sha256").update(content).digest("hex"),
        content,
        uploadedByOrgId: orgId,
        uploadedAt: days(when),
      };
    }),
  );
  await tx.insert(innovationActivity).values(
    docs.map(([name, version, when, orgId], i) => ({
      id: `act-demo-doc-${i + 1}`,
      projectId: PROJECT,
      orgId,
      at: days(when),
      action: "document.uploaded",
      detail: `${name} v${version}`,
    })),
  );
}
