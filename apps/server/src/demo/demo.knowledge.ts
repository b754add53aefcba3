import { FIRM_A_KEY, HELIAN_KEY, OPERATOR_KEY, SHIYUAN_KEY } from "@clusterbrain/demo";
import type { Tx } from "../db/database.ts";
import { kbArticleAudience, kbArticles, kbSearchTokens } from "../db/schema/index.ts";
import { articleTokens } from "../modules/knowledge/knowledge.service.ts";

type Article = typeof kbArticles.$inferInsert & { audience?: string[] };

/**
 * The knowledge base a new user sees: standards lists for medical electronics (GB 9706 / IEC 60601,
 * YY/T 0316) and inductors (AEC-Q200), a materials guide from 嘉兴学院, and lessons learned shared
 * with a group of firms and with one firm.
 */
export function demoKnowledgeRows(at: Date): Article[] {
  const days = (n: number) => new Date(at.getTime() + n * 86_400_000);
  const base = { createdAt: days(-40), updatedAt: days(-40) };
  return [
    {
      ...base,
      id: "kb-demo-medical-standards",
      orgId: "org-svc-assoc-medical",
      kind: "standard",
      titleZh: "医用电气设备安全与电磁兼容标准清单",
      titleEn: "Safety and EMC standards for medical electrical equipment",
      standardCode: "IEC 60601-1-2:2014",
      body: [
        "GB 9706.1-2020（IEC 60601-1:2012）医用电气设备 第1部分：基本安全和基本性能的通用要求",
        "YY 9706.102-2021（IEC 60601-1-2:2014）电磁兼容 要求和试验",
        "YY/T 0316-2016（ISO 14971）医疗器械 风险管理对医疗器械的应用",
        "YY/T 0287-2017（ISO 13485:2016）医疗器械 质量管理体系",
        "YY/T 0664-2020（IEC 62304）医疗器械软件 软件生存周期过程",
        "Notes: plan EMC pre-compliance early; power supplies and magnetics (inductors, chokes) dominate radiated emissions.",
      ].join("\n"),
      tags: ["医疗电子", "EMC", "medical"],
      visibility: "cluster",
      updatedAt: days(-3),
    },
    {
      ...base,
      id: "kb-demo-inductor-standards",
      orgId: "org-svc-testing",
      kind: "standard",
      titleZh: "电感器可靠性试验标准清单",
      titleEn: "Reliability test standards for inductors",
      standardCode: "AEC-Q200",
      body: [
        "AEC-Q200 无源元件应力鉴定（车规电感）",
        "IEC 62024-1 高频电感元件 电气特性及测量方法",
        "GB/T 2423 系列 环境试验（高温、湿热、振动）",
        "IEC 60068-2-78 damp heat, steady state",
      ].join("\n"),
      tags: ["电感", "inductor", "可靠性"],
      visibility: "cluster",
    },
    {
      ...base,
      id: "kb-demo-core-guide",
      orgId: "org-uni-zjxu",
      kind: "article",
      titleZh: "一体成型电感磁粉芯材料选择指南",
      titleEn: "Choosing powder core materials for molded inductors",
      body: "铁硅铝、铁镍与羰基铁粉芯的损耗、饱和特性比较；高频大电流场合优先选用低损耗合金粉。Compares Sendust, Fe-Ni and carbonyl iron powder cores by core loss and saturation.",
      tags: ["磁芯", "magnetic core", "电感"],
      visibility: "cluster",
    },
    {
      ...base,
      id: "kb-demo-reflow-lesson",
      orgId: FIRM_A_KEY,
      kind: "lesson",
      titleZh: "一体成型电感回流焊后开裂的教训",
      titleEn: "Lesson: molded inductors cracking after reflow",
      body: "客户产线升温斜率超过 3 °C/s 导致磁体开裂；已在规格书中注明推荐曲线，并与禾联联合验证。A ramp above 3 °C/s cracked the bodies; the datasheet now states the recommended profile.",
      tags: ["回流焊", "reflow", "失效分析"],
      visibility: "group",
      audience: [HELIAN_KEY, SHIYUAN_KEY],
    },
    {
      ...base,
      id: "kb-demo-emc-fix",
      orgId: HELIAN_KEY,
      kind: "lesson",
      titleZh: "监护仪电源辐射发射整改记录",
      titleEn: "Fixing radiated emissions of a patient-monitor power supply",
      body: "在 30–80 MHz 超标 6 dB：更换共模电感并优化 Y 电容接地后通过 YY 9706.102。",
      tags: ["EMC", "共模电感"],
      visibility: "firm",
      audience: [SHIYUAN_KEY],
    },
    {
      ...base,
      id: "kb-demo-booking-guide",
      orgId: OPERATOR_KEY,
      kind: "article",
      titleZh: "共享仪器与实验室预约指南",
      titleEn: "How to book shared instruments and labs",
      body: "在「共享资源」中选择仪器，查看可预约时段后提交申请；所属机构确认后生效，按规则提前取消。Pick a resource, choose a free slot, send the request; the owner confirms it.",
      tags: ["共享", "booking"],
      visibility: "cluster",
    },
  ];
}

/** Inserts the demo knowledge entries with their audiences and search tokens. */
export async function loadDemoKnowledge(tx: Tx, at: Date): Promise<void> {
  const rows = demoKnowledgeRows(at);
  await tx.insert(kbArticles).values(rows.map(({ audience: _, ...a }) => a));
  const audience = rows.flatMap((a) => (a.audience ?? []).map((orgId) => ({ articleId: a.id, orgId })));
  if (audience.length) await tx.insert(kbArticleAudience).values(audience);
  const tokens = rows.flatMap((a) =>
    articleTokens({ ...a, titleEn: a.titleEn ?? "", tags: a.tags ?? [] }).map((t) => ({
      articleId: a.id,
      orgId: a.orgId,
      ...t,
    })),
  );
  for (let i = 0; i < tokens.length; i += 1000)
    await tx.insert(kbSearchTokens).values(tokens.slice(i, i + 1000));
}
