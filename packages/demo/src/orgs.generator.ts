import type { SeededRandom } from "@clusterbrain/engine/shared";
import { CHAIN_NODE_BY_KEY, CHAIN_NODES } from "./chain-nodes.data.ts";
import { generatePatentNumber, generateUscc, type UsccIssuer } from "./codes.generator.ts";
import type {
  Bilingual,
  ChainCategory,
  DemoChainNode,
  DemoDistrict,
  DemoOrg,
  DemoPatent,
  SizeBand,
} from "./demo.types.ts";
import { DISTRICT_WEIGHTS, DISTRICTS, namePrefix } from "./districts.data.ts";
import { FIRMS_PER_NODE, GIVEN, SURNAMES } from "./firm-plan.data.ts";
import { INSTITUTIONS, type InstitutionSpec } from "./institutions.data.ts";
import { CAPABILITIES, EQUIPMENT, INDUSTRY_WORDS, TRADE_FIRST, TRADE_SECOND } from "./names.data.ts";
import { STORY_FIRMS, type StoryFirmSpec } from "./stories.data.ts";

const SIZE_WEIGHTS: Record<SizeBand, number> = { micro: 12, small: 50, medium: 30, large: 8 };
const SIZES: SizeBand[] = ["micro", "small", "medium", "large"];

/** State shared while generating: codes and names must be unique across the cluster. */
interface Registry {
  usccs: Set<string>;
  namesZh: Set<string>;
  slugs: Set<string>;
}

function districtOf(code: string): DemoDistrict {
  const district = DISTRICTS.find((d) => d.divisionCode === code);
  if (!district) throw new Error(`unknown division code ${code}`);
  return district;
}

function uniqueUscc(
  rng: SeededRandom,
  reg: Registry,
  issuer: UsccIssuer,
  divisionCode: string,
  foundedYear: number,
): string {
  for (;;) {
    const code = generateUscc(rng, issuer, divisionCode, foundedYear);
    if (!reg.usccs.has(code)) {
      reg.usccs.add(code);
      return code;
    }
  }
}

function contactName(rng: SeededRandom): string {
  const given = rng.chance(0.6) ? rng.pick([...GIVEN]) + rng.pick([...GIVEN]) : rng.pick([...GIVEN]);
  return rng.pick([...SURNAMES]) + given;
}

function address(rng: SeededRandom, district: DemoDistrict): { zh: string; en: string } {
  const road = rng.pick(district.roads);
  const no = rng.int(1, 2999);
  return {
    zh: `浙江省嘉兴市${district.divisionCode === "330400" ? "经济技术开发区" : district.nameZh}${road.zh}${no}号`,
    en: `No. ${no} ${road.en}, ${district.nameEn}, Jiaxing, Zhejiang`,
  };
}

function firmName(
  rng: SeededRandom,
  reg: Registry,
  district: DemoDistrict,
  category: ChainCategory,
  size: SizeBand,
): { zh: string; en: string; slug: string } {
  const prefix = namePrefix(district);
  const words = INDUSTRY_WORDS[category];
  for (;;) {
    const first = rng.pick(TRADE_FIRST);
    const second = rng.pick(TRADE_SECOND);
    if (first.zh === second.zh) continue;
    // Inductor makers lean to "电感科技" so a search for 电感 finds many of them by name.
    const word = category === "inductor" && rng.chance(0.5) ? words[0] : rng.pick(words);
    const trade = { zh: first.zh + second.zh, en: first.en + second.en };
    const suffix =
      size === "large" && rng.chance(0.5)
        ? { zh: "股份有限公司", en: "Co., Ltd." }
        : { zh: "有限公司", en: "Co., Ltd." };
    const paren = rng.chance(0.12);
    const zh = paren
      ? `${trade.zh}(${prefix.zh})${word.zh}${suffix.zh}`
      : `${prefix.zh}${trade.zh}${word.zh}${suffix.zh}`;
    if (reg.namesZh.has(zh)) continue;
    const en = paren
      ? `${trade.en} (${prefix.en}) ${word.en} ${suffix.en}`
      : `${prefix.en} ${trade.en} ${word.en} ${suffix.en}`;
    let slug = trade.en.toLowerCase();
    for (let n = 2; reg.slugs.has(slug); n++) slug = `${trade.en.toLowerCase()}${n}`;
    reg.namesZh.add(zh);
    reg.slugs.add(slug);
    return { zh, en, slug };
  }
}

function certificationsFor(rng: SeededRandom, node: DemoChainNode, size: SizeBand): string[] {
  const certs: string[] = [];
  const c = node.category;
  const automotive = c === "inductor" || c === "capacitor" || c === "magnetic" || c === "pcb";
  const medicalish =
    c === "medical" ||
    node.key === "medical-sensor" ||
    node.key === "medical-power" ||
    node.key === "ultrasound-probe";
  if (rng.chance(0.9)) certs.push("ISO 9001:2015");
  if (medicalish ? rng.chance(0.95) : node.key === "pcba" && rng.chance(0.4)) certs.push("ISO 13485:2016");
  if (automotive && rng.chance(0.35)) certs.push("IATF 16949:2016");
  if ((c === "inductor" || c === "capacitor") && rng.chance(0.3)) certs.push("AEC-Q200");
  if (rng.chance(size === "micro" ? 0.15 : 0.5)) certs.push("ISO 14001:2015");
  if (rng.chance(0.25)) certs.push("ISO 45001:2018");
  if (c === "medical" && rng.chance(0.3)) certs.push("CE");
  if (rng.chance(size === "micro" ? 0.1 : 0.45)) certs.push("高新技术企业");
  if ((size === "small" || size === "medium") && rng.chance(0.15)) certs.push("专精特新中小企业");
  return certs;
}

const PATENT_TITLES: Record<DemoPatent["kind"], (product: string) => string> = {
  invention: (p) => `一种${p}及其制备方法`,
  "utility-model": (p) => `一种${p}的散热与固定结构`,
  design: (p) => `${p}(外观设计)`,
};

function patentsFor(
  rng: SeededRandom,
  products: Bilingual[],
  size: SizeBand,
  foundedYear: number,
): DemoPatent[] {
  const mean = { micro: 1, small: 2.5, medium: 5, large: 8 }[size];
  const count = Math.min(12, rng.poisson(mean));
  const patents: DemoPatent[] = [];
  for (let i = 0; i < count; i++) {
    const kind = rng.pick(["invention", "utility-model", "utility-model", "design"] as const);
    const applicationYear = rng.int(Math.max(foundedYear, 2012), 2024);
    const grantYear = applicationYear + (kind === "invention" ? rng.int(1, 2) : rng.int(0, 1));
    patents.push({
      number: generatePatentNumber(rng, applicationYear, kind),
      title: PATENT_TITLES[kind](rng.pick(products).zh),
      kind,
      grantYear: Math.min(grantYear, 2025),
    });
  }
  return patents;
}

function baseOrg(
  rng: SeededRandom,
  reg: Registry,
  input: {
    key: string;
    kind: DemoOrg["kind"];
    category: DemoOrg["category"];
    issuer: UsccIssuer;
    name: { zh: string; en: string };
    slug: string;
    district: DemoDistrict;
    industryCode: string;
    sizeBand: SizeBand;
    foundedYear: number;
    nodeKeys: string[];
  },
): DemoOrg {
  const addr = address(rng, input.district);
  return {
    key: input.key,
    kind: input.kind,
    category: input.category,
    nameZh: input.name.zh,
    nameEn: input.name.en,
    uscc: uniqueUscc(rng, reg, input.issuer, input.district.divisionCode, input.foundedYear),
    divisionCode: input.district.divisionCode,
    districtZh: input.district.nameZh,
    districtEn: input.district.nameEn,
    addressZh: addr.zh,
    addressEn: addr.en,
    industryCode: input.industryCode,
    sizeBand: input.sizeBand,
    foundedYear: input.foundedYear,
    descriptionZh: "",
    descriptionEn: "",
    website: `https://${input.slug}.example.com`,
    nodeKeys: input.nodeKeys,
    products: [],
    capabilities: [],
    certifications: [],
    patents: [],
    keyEquipment: [],
    people: [],
    contactName: contactName(rng),
    contactPhone: `0573-8${String(rng.int(0, 9_999_999)).padStart(7, "0")}`,
    contactEmail: `contact@${input.slug}.example.com`,
  };
}

function fillFirmProfile(rng: SeededRandom, org: DemoOrg): void {
  const nodes = org.nodeKeys.map((k) => CHAIN_NODE_BY_KEY.get(k)!);
  const main = nodes[0];
  for (const node of nodes) {
    const chosen = rng.sample(node.products, node === main ? rng.int(1, node.products.length) : 1);
    for (const p of chosen) org.products.push({ nameZh: p.zh, nameEn: p.en, nodeKey: node.key });
  }
  org.capabilities.push(...rng.sample(CAPABILITIES[main.category], rng.int(2, 3)));
  org.certifications.push(...certificationsFor(rng, main, org.sizeBand));
  org.patents.push(
    ...patentsFor(
      rng,
      org.products.map((p) => ({ zh: p.nameZh, en: p.nameEn })),
      org.sizeBand,
      org.foundedYear,
    ),
  );
  const scale = { micro: 1, small: 2, medium: 5, large: 12 }[org.sizeBand];
  for (const eq of rng.sample(EQUIPMENT[main.category], rng.int(1, 3))) {
    org.keyEquipment.push({ nameZh: eq.zh, nameEn: eq.en, count: rng.int(1, 2 * scale) });
  }
  const productsZh = org.products.map((p) => p.nameZh).join("、");
  const productsEn = org.products.map((p) => p.nameEn).join(", ");
  if (org.descriptionZh === "") {
    org.descriptionZh = `位于${org.districtZh},从事${nodes.map((n) => n.nameZh).join("、")}的研发、生产与销售,主要产品:${productsZh}。`;
    org.descriptionEn = `Based in ${org.districtEn}; develops and makes ${nodes.map((n) => n.nameEn).join(", ")}. Products: ${productsEn}.`;
  }
}

function storyFirm(rng: SeededRandom, reg: Registry, spec: StoryFirmSpec): DemoOrg {
  reg.namesZh.add(spec.name.zh);
  const slug = spec.key.replace(/^org-/, "");
  reg.slugs.add(slug);
  const org = baseOrg(rng, reg, {
    key: spec.key,
    kind: "enterprise",
    category: "firm",
    issuer: "enterprise",
    name: spec.name,
    slug,
    district: districtOf(spec.divisionCode),
    industryCode: spec.industryCode,
    sizeBand: spec.sizeBand,
    foundedYear: spec.foundedYear,
    nodeKeys: [...spec.nodeKeys],
  });
  org.descriptionZh = spec.descriptionZh;
  org.descriptionEn = spec.descriptionEn;
  fillFirmProfile(rng, org);
  org.certifications = [...spec.certifications];
  org.capabilities = [...spec.capabilities, ...org.capabilities].slice(0, 5);
  return org;
}

function generatedFirm(rng: SeededRandom, reg: Registry, key: string, mainNode: DemoChainNode): DemoOrg {
  const size = SIZES[rng.weightedIndex(SIZES.map((s) => SIZE_WEIGHTS[s]))];
  const district = DISTRICTS[rng.weightedIndex(DISTRICT_WEIGHTS)];
  const foundedYear = size === "large" ? rng.int(1993, 2012) : rng.int(1998, 2022);
  const name = firmName(rng, reg, district, mainNode.category, size);
  const nodeKeys = [mainNode.key];
  // Many firms also make a neighbouring product of the same stage and category.
  const siblings = CHAIN_NODES.filter(
    (n) =>
      n.key !== mainNode.key &&
      n.stage === mainNode.stage &&
      n.category === mainNode.category &&
      // Single-firm nodes stay single: they are the chain's weak links.
      (FIRMS_PER_NODE[n.key] ?? 0) > 1,
  );
  if (siblings.length > 0 && rng.chance(0.35)) nodeKeys.push(rng.pick(siblings).key);
  const org = baseOrg(rng, reg, {
    key,
    kind: "enterprise",
    category: "firm",
    issuer: "enterprise",
    name,
    slug: name.slug,
    district,
    industryCode: mainNode.industryCode,
    sizeBand: size,
    foundedYear,
    nodeKeys,
  });
  fillFirmProfile(rng, org);
  return org;
}

function institution(rng: SeededRandom, reg: Registry, spec: InstitutionSpec): DemoOrg {
  reg.namesZh.add(spec.name.zh);
  const slug = spec.key.replace(/^org-/, "");
  const org = baseOrg(rng, reg, {
    key: spec.key,
    kind: spec.kind,
    category: spec.category,
    issuer: spec.issuer,
    name: spec.name,
    slug,
    district: districtOf(spec.divisionCode),
    industryCode: spec.industryCode,
    sizeBand: spec.sizeBand,
    foundedYear: spec.foundedYear,
    nodeKeys: [...spec.nodeKeys],
  });
  org.descriptionZh = spec.descriptionZh;
  org.descriptionEn = spec.descriptionEn;
  org.capabilities = [...spec.capabilities];
  org.people = [...(spec.people ?? [])];
  if (spec.kind === "university" || spec.kind === "institute") {
    const products = spec.capabilities;
    org.patents = patentsFor(rng, [...products], "medium", 2012);
  }
  if (spec.category === "testing") org.certifications = ["CNAS", "CMA"];
  return org;
}

/** All organisations: institutions first (fixed keys), then the firms node by node. */
export function generateOrgs(rng: SeededRandom): DemoOrg[] {
  const reg: Registry = { usccs: new Set(), namesZh: new Set(), slugs: new Set() };
  const orgs = INSTITUTIONS.map((spec) => institution(rng, reg, spec));
  const storyByMainNode = new Map(STORY_FIRMS.map((s) => [s.nodeKeys[0], s]));
  let n = 0;
  for (const node of CHAIN_NODES) {
    const count = FIRMS_PER_NODE[node.key] ?? 0;
    for (let i = 0; i < count; i++) {
      const story = i === 0 ? storyByMainNode.get(node.key) : undefined;
      if (story) {
        orgs.push(storyFirm(rng, reg, story));
      } else {
        n++;
        orgs.push(generatedFirm(rng, reg, `org-firm-${String(n).padStart(3, "0")}`, node));
      }
    }
  }
  return orgs;
}
