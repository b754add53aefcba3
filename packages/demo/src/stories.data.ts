import type { Bilingual, DemoStory, DemoUser, SizeBand } from "./demo.types.ts";
import { OPERATOR_KEY } from "./institutions.data.ts";

/** A firm from the source paper's worked examples, placed on fixed chain nodes. */
export interface StoryFirmSpec {
  key: string;
  name: Bilingual;
  nodeKeys: readonly string[];
  divisionCode: string;
  industryCode: string;
  sizeBand: SizeBand;
  foundedYear: number;
  /** Extra yearly growth on top of the generated trend (the story's success). */
  growthBoost: number;
  certifications: readonly string[];
  capabilities: readonly Bilingual[];
  descriptionZh: string;
  descriptionEn: string;
}

export const FIRM_A_KEY = "org-huaci-inductor";
export const SHIYUAN_KEY = "org-shiyuan-medical";
export const HELIAN_KEY = "org-helian-ems";
export const XINYUAN_KEY = "org-xinyuan-ic";

export const STORY_FIRMS: readonly StoryFirmSpec[] = [
  {
    key: FIRM_A_KEY,
    name: { zh: "嘉兴华磁电感科技有限公司", en: "Jiaxing Huaci Inductor Technology Co., Ltd." },
    nodeKeys: ["power-inductor", "molded-inductor", "common-mode-choke"],
    divisionCode: "330400",
    industryCode: "3981",
    sizeBand: "medium",
    foundedYear: 2011,
    growthBoost: 0.12,
    certifications: ["ISO 9001:2015", "IATF 16949:2016", "AEC-Q200", "高新技术企业"],
    capabilities: [
      { zh: "高端一体成型电感设计", en: "High-end molded inductor design" },
      { zh: "产学研联合攻关", en: "Joint R&D with universities" },
    ],
    descriptionZh:
      "通过分析集群资源禀赋与市场格局,发现高端电感细分市场存在供需缺口,专注大电流一体成型电感与车规级功率电感,与嘉兴学院、浙江清华长三角研究院联合攻关,形成自主知识产权的新型电感系列。",
    descriptionEn:
      "Found a supply gap in high-end inductors by analysing the cluster; focuses on high-current molded and automotive-grade power inductors developed with Jiaxing University and the Tsinghua Yangtze Delta institute.",
  },
  {
    key: HELIAN_KEY,
    name: { zh: "嘉兴禾联电子制造有限公司", en: "Jiaxing Helian Electronics Manufacturing Co., Ltd." },
    nodeKeys: ["pcba", "medical-power"],
    divisionCode: "330411",
    industryCode: "3982",
    sizeBand: "large",
    foundedYear: 2006,
    growthBoost: 0.05,
    certifications: ["ISO 9001:2015", "ISO 13485:2016", "ISO 14001:2015", "IATF 16949:2016"],
    capabilities: [
      { zh: "智能生产管理系统(MES)", en: "Smart production management system (MES)" },
      { zh: "设备联网与实时质量预警", en: "Connected equipment and real-time quality alerts" },
    ],
    descriptionZh:
      "借助集群工业互联网平台对生产设备进行数字化改造,建立覆盖采购、生产、库存、质量的智能生产管理系统,精准预测物料需求、优化排产并实时预警工艺异常。",
    descriptionEn:
      "Digitised its lines through the cluster's industrial-internet platform; a smart production system covers purchasing, production, inventory and quality, forecasting material needs, optimising schedules and flagging process anomalies.",
  },
  {
    key: SHIYUAN_KEY,
    name: {
      zh: "世源科技(嘉兴)医疗电子有限公司",
      en: "Shiyuan Technology (Jiaxing) Medical Electronics Co., Ltd.",
    },
    nodeKeys: ["patient-monitor", "ecg"],
    divisionCode: "330400",
    industryCode: "3581",
    sizeBand: "medium",
    foundedYear: 2013,
    growthBoost: 0.06,
    certifications: ["ISO 13485:2016", "ISO 9001:2015", "CE", "高新技术企业"],
    capabilities: [
      { zh: "医院需求数据分析", en: "Hospital needs analytics" },
      { zh: "定制化产品组合与服务方案", en: "Tailored product bundles and service plans" },
    ],
    descriptionZh:
      "依托集群大数据平台分析目标医院的设备配置与使用习惯,为不同医院定制监护与心电产品组合,并通过集群医疗电子展会与学术会议展示创新成果。",
    descriptionEn:
      "Uses the cluster data platform to study hospitals' equipment and usage, tailoring monitoring and ECG bundles to each hospital, and presents its work at the cluster's medical-electronics fairs and conferences.",
  },
  {
    key: XINYUAN_KEY,
    name: { zh: "嘉兴芯源微电子设计有限公司", en: "Jiaxing Xinyuan Microelectronics Design Co., Ltd." },
    nodeKeys: ["ic-design"],
    divisionCode: "330402",
    industryCode: "6520",
    sizeBand: "small",
    foundedYear: 2018,
    growthBoost: 0.1,
    certifications: ["ISO 9001:2015", "高新技术企业"],
    capabilities: [
      { zh: "医用模拟前端芯片设计", en: "Medical analogue front-end design" },
      { zh: "项目制柔性引才", en: "Project-based flexible talent" },
    ],
    descriptionZh:
      "依托集群人才共享平台与知名芯片设计公司开展项目合作,引进芯片设计专家,并联合集群企业成立电子制造技能大师工作室。",
    descriptionEn:
      "Brought in chip-design experts through the cluster's talent-sharing platform and co-founded the electronics skill-master studio with other cluster firms.",
  },
];

export const STORIES: readonly DemoStory[] = [
  {
    key: "market-gap",
    titleZh: "高端电感:发现细分市场缺口",
    titleEn: "High-end inductors: finding a market gap",
    summaryZh: "电子元器件企业分析集群资源禀赋与市场格局,转向高端电感并与高校院所联合攻关。",
    summaryEn:
      "A components maker reads the cluster's market, moves into high-end inductors and co-develops them with universities.",
    orgKeys: [FIRM_A_KEY, "org-uni-zjxu", "org-inst-tsinghua-yrd"],
  },
  {
    key: "smart-production",
    titleZh: "智能生产管理系统",
    titleEn: "A smart production management system",
    summaryZh: "电子制造企业借助工业互联网平台实现设备联网、需求预测、智能排产与质量预警。",
    summaryEn:
      "An electronics plant connects its equipment through the industrial-internet platform: forecasting, scheduling and quality alerts.",
    orgKeys: [HELIAN_KEY, "org-svc-iiot"],
  },
  {
    key: "precision-marketing",
    titleZh: "面向医院的精准营销",
    titleEn: "Precision marketing to hospitals",
    summaryZh: "医疗电子企业基于医院设备配置数据定制产品组合,借集群展会触达终端客户。",
    summaryEn:
      "A medical-electronics firm tailors bundles to hospitals' equipment data and reaches them through cluster fairs.",
    orgKeys: [SHIYUAN_KEY, "org-svc-assoc-medical", "org-hosp-jx1", "org-hosp-jx2"],
  },
  {
    key: "talent-sharing",
    titleZh: "集成电路设计人才共享",
    titleEn: "Talent sharing for IC design",
    summaryZh: "集成电路设计企业通过人才共享平台项目合作引进芯片设计专家,缩短产品上市周期。",
    summaryEn:
      "An IC design firm brings in chip experts through the talent-sharing platform and shortens time to market.",
    orgKeys: [XINYUAN_KEY, "org-svc-talent", "org-inst-bit-yrd"],
  },
  {
    key: "skill-studio",
    titleZh: "电子制造技能大师工作室",
    titleEn: "Electronics skill-master studio",
    summaryZh: "企业联合成立技能大师工作室,驻厂指导、工艺传承、技能比武,培育高技能人才。",
    summaryEn: "Firms found a skill-master studio: on-site coaching, process know-how and skills contests.",
    orgKeys: ["org-svc-skill-studio", XINYUAN_KEY, HELIAN_KEY, "org-uni-jxvtc"],
  },
];

/**
 * One demo user per persona. Passwords are public on purpose (dev-mode login hint); the loader
 * hashes them and production deployments never load the demo.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  user("operator", OPERATOR_KEY, "admin", "集群运营 李青", "Li Qing (cluster operator)"),
  user("owner", FIRM_A_KEY, "owner", "华磁 张建华", "Zhang Jianhua (owner)"),
  user("admin", FIRM_A_KEY, "admin", "华磁 王丽", "Wang Li (admin)"),
  user("member", FIRM_A_KEY, "member", "华磁 刘洋", "Liu Yang (member)"),
  user("viewer", FIRM_A_KEY, "viewer", "华磁 陈静", "Chen Jing (viewer)"),
  // Owner of a second firm (Huaci's customer): asks Huaci for data, so sharing can be seen from both sides.
  user("partner", HELIAN_KEY, "owner", "和联 周敏", "Zhou Min (partner firm owner)"),
  // Owner of the patient-monitor maker: markets to the hospitals that share their equipment data.
  user("supplier", SHIYUAN_KEY, "owner", "世源 孙磊", "Sun Lei (patient-monitor maker owner)"),
];

function user(
  persona: DemoUser["persona"],
  orgKey: string,
  role: DemoUser["role"],
  displayNameZh: string,
  displayNameEn: string,
): DemoUser {
  return {
    email: `${persona}@demo.cluster`,
    displayNameZh,
    displayNameEn,
    orgKey,
    role,
    persona,
    password: `Demo-${persona}-2025`,
  };
}
