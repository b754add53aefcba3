/**
 * Plain records of the demo cluster. Keys (`key`) are stable strings inside one generated
 * cluster, so the loader can map them to database ids and tests can compare runs.
 */

export type OrgKind = "enterprise" | "university" | "institute" | "service" | "government" | "operator";

/** Finer grouping than `kind`, for the UI and for stories (hospitals are service-kind customers). */
export type OrgCategory =
  | "firm"
  | "university"
  | "institute"
  | "testing"
  | "incubator"
  | "ip-agency"
  | "association"
  | "finance"
  | "talent-platform"
  | "industrial-internet"
  | "skill-studio"
  | "hospital"
  | "government"
  | "operator";

/** Chinese SME size classes (国家统计局 大中小微型企业划分办法, industry rows). */
export type SizeBand = "micro" | "small" | "medium" | "large";

export type MembershipRole = "owner" | "admin" | "member" | "viewer";

/**
 * The demo personas; `operator` is an admin of the operator organisation, `partner` the owner of a
 * second firm (to show sharing between firms), `supplier` the owner of the patient-monitor maker
 * (precision marketing to hospitals).
 */
export type DemoPersona = "operator" | "partner" | "supplier" | MembershipRole;

export type ChainCategory =
  | "magnetic"
  | "material"
  | "inductor"
  | "capacitor"
  | "component"
  | "ic"
  | "pcb"
  | "assembly"
  | "medical"
  | "hospital";

export interface Bilingual {
  zh: string;
  en: string;
}

export interface DemoDistrict {
  /** GB/T 2260 administrative division code (6 digits), used in generated USCCs. */
  divisionCode: string;
  nameZh: string;
  nameEn: string;
  /** Street/road names used for addresses. */
  roads: readonly Bilingual[];
}

export interface DemoChainNode {
  key: string;
  nameZh: string;
  nameEn: string;
  /** 1 materials → 2 components → 3 boards and modules → 4 medical devices → 5 hospitals. */
  stage: 1 | 2 | 3 | 4 | 5;
  category: ChainCategory;
  /** Nodes whose products this node consumes; relations flow from those nodes to this one. */
  upstream: readonly string[];
  /** Typical GB/T 4754-2017 industry class of firms on this node. */
  industryCode: string;
  products: readonly Bilingual[];
}

export interface DemoProduct {
  nameZh: string;
  nameEn: string;
  nodeKey: string;
}

export interface DemoPatent {
  /** Chinese grant number, e.g. ZL202310123456.7 (check digit per CNIPA application numbers). */
  number: string;
  title: string;
  kind: "invention" | "utility-model" | "design";
  grantYear: number;
}

export interface DemoEquipment {
  nameZh: string;
  nameEn: string;
  count: number;
}

export interface DemoPerson {
  nameZh: string;
  titleZh: string;
  titleEn: string;
  fieldZh: string;
  fieldEn: string;
}

export interface DemoOrg {
  key: string;
  kind: OrgKind;
  category: OrgCategory;
  nameZh: string;
  nameEn: string;
  /** 统一社会信用代码, valid per GB 32100-2015 and unique in the cluster. */
  uscc: string;
  divisionCode: string;
  districtZh: string;
  districtEn: string;
  addressZh: string;
  addressEn: string;
  /** GB/T 4754-2017 class (4 digits). */
  industryCode: string;
  sizeBand: SizeBand;
  foundedYear: number;
  descriptionZh: string;
  descriptionEn: string;
  website: string;
  /** Chain nodes the organisation sits on; the first is its main node. */
  nodeKeys: string[];
  products: DemoProduct[];
  capabilities: Bilingual[];
  certifications: string[];
  patents: DemoPatent[];
  keyEquipment: DemoEquipment[];
  /** Experts shown on university and institute profiles (not stored by the loader yet). */
  people: DemoPerson[];
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

/** Yearly trade volume of a relation in CNY: < 1 M, 1–10 M, 10–50 M, 50–200 M, > 200 M. */
export type VolumeBand = "lt1m" | "1m-10m" | "10m-50m" | "50m-200m" | "gt200m";

/** A supplier→customer relation: the supplier's product on `nodeKey` goes to the customer. */
export interface DemoRelation {
  supplierKey: string;
  customerKey: string;
  nodeKey: string;
  productZh: string;
  productEn: string;
  volumeBand: VolumeBand;
  sinceYear: number;
}

/**
 * One firm-year. Money in 万元 (CNY 10,000), energy in tonnes of standard coal equivalent (tce).
 * Inputs for efficiency analysis: employees, fixedAssets, rdSpend, energyUse; outputs: revenue,
 * profit, exports, patents.
 */
export interface DemoIndicator {
  orgKey: string;
  year: number;
  revenue: number;
  profit: number;
  rdSpend: number;
  fixedAssets: number;
  exports: number;
  employees: number;
  energyUse: number;
  /** Patents granted in the year. */
  patents: number;
}

export type CooperationKind =
  | "joint-rd"
  | "talent-sharing"
  | "skill-studio"
  | "platform-service"
  | "marketing";

/** Non-trade ties between organisations (产学研, 人才共享, 技能大师工作室 …). */
export interface DemoCooperation {
  kind: CooperationKind;
  orgKeys: string[];
  titleZh: string;
  titleEn: string;
  startYear: number;
}

/** The worked examples of the source paper, made concrete in the demo data. */
export interface DemoStory {
  key: "market-gap" | "smart-production" | "precision-marketing" | "talent-sharing" | "skill-studio";
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  summaryEn: string;
  orgKeys: string[];
}

export interface DemoUser {
  email: string;
  displayNameZh: string;
  displayNameEn: string;
  orgKey: string;
  role: MembershipRole;
  persona: DemoPersona;
  /** Plain text for the dev-mode login hint only; the loader stores a hash. */
  password: string;
}

export interface DemoCluster {
  seed: number;
  nameZh: string;
  nameEn: string;
  years: number[];
  districts: DemoDistrict[];
  chainNodes: DemoChainNode[];
  orgs: DemoOrg[];
  relations: DemoRelation[];
  indicators: DemoIndicator[];
  cooperations: DemoCooperation[];
  stories: DemoStory[];
  users: DemoUser[];
}
