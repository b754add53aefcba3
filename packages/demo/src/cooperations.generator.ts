import type { SeededRandom } from "@clusterbrain/engine/shared";
import { CHAIN_NODE_BY_KEY } from "./chain-nodes.data.ts";
import type { DemoCooperation, DemoOrg } from "./demo.types.ts";
import { FIRM_A_KEY, HELIAN_KEY, SHIYUAN_KEY, XINYUAN_KEY } from "./stories.data.ts";

/** The stories' ties, written out. */
const STORY_COOPERATIONS: readonly DemoCooperation[] = [
  {
    kind: "joint-rd",
    orgKeys: [FIRM_A_KEY, "org-uni-zjxu", "org-inst-tsinghua-yrd"],
    titleZh: "新型高端一体成型电感联合攻关",
    titleEn: "Joint development of high-end molded inductors",
    startYear: 2022,
  },
  {
    kind: "platform-service",
    orgKeys: [HELIAN_KEY, "org-svc-iiot"],
    titleZh: "设备联网与智能生产管理系统建设",
    titleEn: "Connected equipment and smart production system",
    startYear: 2021,
  },
  {
    kind: "marketing",
    orgKeys: [SHIYUAN_KEY, "org-svc-assoc-medical"],
    titleZh: "集群医疗电子展会与医院需求对接",
    titleEn: "Cluster medical-electronics fair and hospital matchmaking",
    startYear: 2023,
  },
  {
    kind: "talent-sharing",
    orgKeys: [XINYUAN_KEY, "org-svc-talent", "org-inst-bit-yrd"],
    titleZh: "芯片设计专家项目制引进",
    titleEn: "Project-based recruitment of chip-design experts",
    startYear: 2022,
  },
  {
    kind: "skill-studio",
    orgKeys: ["org-svc-skill-studio", XINYUAN_KEY, HELIAN_KEY, "org-uni-jxvtc"],
    titleZh: "电子制造技能大师工作室共建",
    titleEn: "Co-founding the electronics skill-master studio",
    startYear: 2022,
  },
];

/** Story ties plus 产学研 projects between each university/institute and firms on its nodes. */
export function generateCooperations(rng: SeededRandom, orgs: readonly DemoOrg[]): DemoCooperation[] {
  const result = [...STORY_COOPERATIONS];
  const firms = orgs.filter((o) => o.kind === "enterprise");
  for (const academic of orgs.filter((o) => o.kind === "university" || o.kind === "institute")) {
    for (const nodeKey of academic.nodeKeys) {
      const node = CHAIN_NODE_BY_KEY.get(nodeKey)!;
      const partners = firms.filter((f) => f.nodeKeys.includes(nodeKey));
      for (const firm of rng.sample(partners, rng.int(1, 3))) {
        result.push({
          kind: "joint-rd",
          orgKeys: [academic.key, firm.key],
          titleZh: `${node.nameZh}产学研合作项目`,
          titleEn: `University–industry project on ${node.nameEn.toLowerCase()}`,
          startYear: rng.int(2019, 2025),
        });
      }
    }
  }
  return result;
}
