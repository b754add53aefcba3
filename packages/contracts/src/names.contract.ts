/**
 * Bilingual reference names the UI and the exports show instead of bare values: Jiaxing's
 * county-level divisions (GB/T 2260; organisations store the Chinese name) and GB/T 4754-2017
 * industry classes (organisations store the four-digit class, optionally with its section letter).
 */
export interface BilingualName {
  zh: string;
  en: string;
}

export const DISTRICT_NAMES: readonly (BilingualName & { code: string })[] = [
  { code: "330400", zh: "嘉兴经济技术开发区", en: "Jiaxing Economic & Technological Development Zone" },
  { code: "330402", zh: "南湖区", en: "Nanhu District" },
  { code: "330411", zh: "秀洲区", en: "Xiuzhou District" },
  { code: "330421", zh: "嘉善县", en: "Jiashan County" },
  { code: "330424", zh: "海盐县", en: "Haiyan County" },
  { code: "330481", zh: "海宁市", en: "Haining City" },
  { code: "330482", zh: "平湖市", en: "Pinghu City" },
  { code: "330483", zh: "桐乡市", en: "Tongxiang City" },
];

export const INDUSTRY_NAMES: Readonly<Record<string, BilingualName>> = {
  "2921": { zh: "塑料薄膜制造", en: "Plastic film manufacturing" },
  "2929": { zh: "塑料零件及其他塑料制品制造", en: "Plastic parts and other plastic products" },
  "3581": { zh: "医疗诊断、监护及治疗设备制造", en: "Medical diagnostic, monitoring and therapy equipment" },
  "3585": { zh: "机械治疗及病房护理设备制造", en: "Mechanical therapy and ward-care equipment" },
  "3824": { zh: "电力电子元器件制造", en: "Power electronic components" },
  "3831": { zh: "电线、电缆制造", en: "Wires and cables" },
  "3973": { zh: "集成电路制造", en: "Integrated circuits" },
  "3974": { zh: "显示器件制造", en: "Display devices" },
  "3981": { zh: "电阻电容电感元件制造", en: "Resistors, capacitors and inductors" },
  "3982": { zh: "电子电路制造", en: "Electronic circuits" },
  "3985": { zh: "电子专用材料制造", en: "Special electronic materials" },
  "3989": { zh: "其他电子元件制造", en: "Other electronic components" },
  "6450": { zh: "互联网数据服务", en: "Internet data services" },
  "6520": { zh: "信息系统集成服务", en: "Information system integration services" },
  "7212": { zh: "投资与资产管理", en: "Investment and asset management" },
  "7269": { zh: "其他未列明商务服务业", en: "Other business services" },
  "7320": { zh: "工程和技术研究和试验发展", en: "Engineering and technology R&D" },
  "7452": { zh: "检测服务", en: "Testing services" },
  "7520": { zh: "知识产权服务", en: "Intellectual property services" },
  "7540": { zh: "科技中介服务", en: "Science and technology intermediary services" },
  "8341": { zh: "普通高等教育", en: "Regular higher education" },
  "8391": { zh: "职业技能培训", en: "Vocational skills training" },
  "8411": { zh: "综合医院", en: "General hospitals" },
  "8423": { zh: "乡镇卫生院", en: "Township health centres" },
  "9224": { zh: "综合事务管理机构", en: "General administrative agencies" },
  "9522": { zh: "专业性团体", en: "Professional associations" },
};

/** A district as the reader's language names it; an unknown name is shown as stored. */
export function districtName(stored: string, lang: "zh" | "en"): string {
  const found = DISTRICT_NAMES.find((d) => d.zh === stored || d.en === stored);
  return found === undefined ? stored : found[lang];
}

/** The stored (Chinese) district for a name in either language, for imports of exported sheets. */
export function districtFromName(name: string): string {
  const lower = name.trim().toLowerCase();
  return DISTRICT_NAMES.find((d) => d.zh === name.trim() || d.en.toLowerCase() === lower)?.zh ?? name;
}

/** "3981 电阻电容电感元件制造" / "3981 Resistors, capacitors and inductors"; the bare code when unnamed. */
export function industryLabel(code: string, lang: "zh" | "en"): string {
  if (code === "") return "";
  const name = INDUSTRY_NAMES[code.replace(/^[A-T]/, "")];
  return name === undefined ? code : `${code} ${name[lang]}`;
}
