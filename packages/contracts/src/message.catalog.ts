import type { ServerMessageKey, ServerMessageParams } from "./message.contract.ts";

type Lang = "zh" | "en";

/**
 * The one wording of every server message key in both languages: the web spreads these into its
 * message files (`serverMsg.<key>`), and server-made files (import error reports) use them too.
 */
export const SERVER_MESSAGES: Readonly<Record<ServerMessageKey, Readonly<Record<Lang, string>>>> = {
  "uscc.length": { zh: "应为 18 位（现为 {got} 位）", en: "must be 18 characters (got {got})" },
  "uscc.badChar": {
    zh: "含有不允许的字符“{char}”（只能是数字和除 I、O、S、V、Z 以外的大写字母）",
    en: 'contains "{char}", which is not allowed (digits and capitals except I, O, S, V, Z)',
  },
  "uscc.checkChar": {
    zh: "校验码为“{got}”，应为“{expected}”",
    en: 'check character is "{got}" but should be "{expected}"',
  },
  "field.required": { zh: "必填", en: "required" },
  "field.tooLong": { zh: "最多 {max} 个字符", en: "at most {max} characters" },
  "field.tooShort": { zh: "至少 {min} 个字符", en: "at least {min} characters" },
  "field.tooLarge": { zh: "不能大于 {max}", en: "must be at most {max}" },
  "field.tooSmall": { zh: "不能小于 {min}", en: "must be at least {min}" },
  "field.invalid": { zh: "格式不正确", en: "invalid value" },
  "field.invalidType": { zh: "类型不正确", en: "wrong type of value" },
  "field.control": { zh: "含有控制字符或无效字符", en: "contains control or invalid characters" },
  "field.industryCode": {
    zh: "应为 GB/T 4754-2017 行业代码，如 C3981",
    en: "must be a GB/T 4754-2017 industry code such as C3981",
  },
  "field.email": { zh: "邮箱地址格式不正确", en: "not a valid email address" },
  "import.missingColumn": { zh: "缺少必需的列 {column}", en: "required column {column} is missing" },
  "import.duplicateColumn": {
    zh: "列 {column} 在表头中出现多次",
    en: "column {column} appears more than once",
  },
  "import.required": { zh: "必填项为空", en: "a required value is empty" },
  "import.requiredForEnterprise": {
    zh: "企业必须填写统一社会信用代码",
    en: "enterprises need a unified social credit code",
  },
  "import.tooLong": { zh: "超过 {max} 个字符", en: "longer than {max} characters" },
  "import.year": {
    zh: "应为 {min}–{max} 之间的年份（现为“{got}”）",
    en: 'must be a year between {min} and {max} (got "{got}")',
  },
  "import.oneOf": { zh: "“{got}”不是可选值之一", en: '"{got}" is not one of the allowed values' },
  "import.website": {
    zh: "网址应以 http:// 或 https:// 开头（现为“{got}”）",
    en: 'must start with http:// or https:// (got "{got}")',
  },
  "import.duplicateUscc": {
    zh: "统一社会信用代码 {uscc} 与第 {otherRow} 行重复",
    en: "credit code {uscc} is also on row {otherRow}",
  },
  "import.usccExists": {
    zh: "统一社会信用代码为 {uscc} 的组织已登记",
    en: "an organisation with credit code {uscc} is already registered",
  },
  "import.unknownChainNode": { zh: "未知的产业链环节：{codes}", en: "unknown chain node: {codes}" },
  "import.unknownOrg": {
    zh: "集群中没有统一社会信用代码为 {uscc} 的组织",
    en: "no organisation with credit code {uscc} is registered in the cluster",
  },
  "import.selfRelation": {
    zh: "供应方与客户是同一组织",
    en: "supplier and customer are the same organisation",
  },
  "import.notAParty": {
    zh: "本组织须为供应方或客户",
    en: "your organisation must be the supplier or the customer",
  },
  "import.duplicateRelation": {
    zh: "同一供需关系已在第 {otherRow} 行",
    en: "the same relation is already on row {otherRow}",
  },
  "import.relationExists": { zh: "该供需关系已登记", en: "this relation is already recorded" },
  "import.productTooLong": {
    zh: "每个产品名称最多 {max} 个字符",
    en: "each product name may have at most {max} characters",
  },
  "import.formula": {
    zh: "以公式字符开头（{value}），已按纯文本导入，请核对",
    en: "starts with a formula character ({value}); imported as plain text, please check",
  },
  "import.number": { zh: "“{got}”不是数字", en: '"{got}" is not a number' },
  "import.deviceForTag": { zh: "填写测点时必须填写采集终端", en: "a device is required when a tag is given" },
  "import.tagKey": {
    zh: "测点只能包含字母、数字和 _ . / : -",
    en: "a tag may hold only letters, digits and _ . / : -",
  },
  "import.lowAboveHigh": { zh: "下限不能高于上限", en: "the lower limit must not be above the upper limit" },
  "import.samplingMs": {
    zh: "采样间隔须为 1 到 86400000 之间的整数毫秒",
    en: "the sampling interval must be a whole number of ms from 1 to 86400000",
  },
  "import.duplicateTag": {
    zh: "该终端的同一测点已出现在第 {row} 行",
    en: "the same tag of this device is already on row {row}",
  },
  "import.unknownItem": {
    zh: "未知物料“{code}”（请先导入或新建该物料）",
    en: 'unknown item "{code}" (import or create the item first)',
  },
  "import.duplicateRecord": {
    zh: "同一记录（{record}）已出现在第 {row} 行",
    en: "the same record ({record}) is already on row {row}",
  },
  "import.tagExists": { zh: "该终端已有同名测点", en: "this device already has a tag with this key" },
  "importFile.tooLarge": { zh: "文件超过 {max} 字节", en: "the file is larger than {max} bytes" },
  "importFile.looksXlsx": {
    zh: "这是 .xlsx 工作簿，请按 xlsx 格式上传",
    en: "this is an .xlsx workbook; upload it as xlsx",
  },
  "importFile.noHeader": { zh: "文件没有表头行", en: "the file has no header row" },
  "importFile.tooManyRows": {
    zh: "文件有 {rows} 行数据，每次最多 {max} 行",
    en: "the file has {rows} data rows; at most {max} per import",
  },
  "importFile.empty": { zh: "文件为空", en: "the file is empty" },
  "importFile.noSheet": { zh: "工作簿中没有工作表", en: "the workbook has no worksheet" },
  "importFile.unreadable": {
    zh: "无法读取该文件（格式损坏或不受支持）",
    en: "the file cannot be read (damaged or not a supported format)",
  },
  "importFile.notBytes": { zh: "请以文件字节上传", en: "send the file's bytes" },
};

/** Fills `{name}` placeholders; an unknown one stays visible so it gets noticed. */
export function formatServerMessage(key: ServerMessageKey, params: ServerMessageParams, lang: Lang): string {
  return SERVER_MESSAGES[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** `serverMsg.<key>` → wording, for spreading into a web message file. */
export function serverMessagesIn(lang: Lang): Record<`serverMsg.${ServerMessageKey}`, string> {
  return Object.fromEntries(
    Object.entries(SERVER_MESSAGES).map(([k, v]) => [`serverMsg.${k}`, v[lang]]),
  ) as Record<`serverMsg.${ServerMessageKey}`, string>;
}

/** Import template columns: label and note in both languages (the template, the web's column list). */
export const IMPORT_COLUMN_TEXTS = {
  uscc: {
    zh: { label: "统一社会信用代码", note: "18 位，GB 32100-2015；企业必填" },
    en: {
      label: "Unified social credit code",
      note: "18 characters, GB 32100-2015; required for enterprises",
    },
  },
  kind: {
    zh: { label: "组织类型", note: "企业 | 高校 | 科研院所 | 服务机构 | 政府部门" },
    en: {
      label: "Kind",
      note: "Enterprise | University | Research institute | Service body | Government office",
    },
  },
  nameZh: {
    zh: { label: "中文名称", note: "登记的中文名称" },
    en: { label: "Chinese name", note: "registered Chinese name" },
  },
  nameEn: {
    zh: { label: "英文名称", note: "英文名称" },
    en: { label: "English name", note: "English name" },
  },
  district: {
    zh: { label: "区县", note: "如 南湖区" },
    en: { label: "District", note: "e.g. Nanhu District" },
  },
  address: { zh: { label: "地址", note: "街道地址" }, en: { label: "Address", note: "street address" } },
  industryCode: {
    zh: { label: "行业代码", note: "GB/T 4754-2017，如 3981" },
    en: { label: "Industry code", note: "GB/T 4754-2017, e.g. 3981" },
  },
  sizeBand: {
    zh: { label: "规模", note: "微型 | 小型 | 中型 | 大型（默认小型）" },
    en: { label: "Size", note: "Micro | Small | Medium | Large (default Small)" },
  },
  foundedYear: {
    zh: { label: "成立年份", note: "四位年份" },
    en: { label: "Year founded", note: "four-digit year" },
  },
  website: {
    zh: { label: "网站", note: "以 https:// 开头" },
    en: { label: "Website", note: "starting with https://" },
  },
  products: {
    zh: { label: "主要产品", note: "多项用 ; 分隔，每项 中文|英文，如 功率电感|Power inductor" },
    en: { label: "Products", note: "items separated by ; each as Chinese name|English name" },
  },
  chainNodes: {
    zh: { label: "产业链环节", note: "环节代码或名称，多项用 ; 分隔（见“产业链环节代码”表）" },
    en: { label: "Chain nodes", note: "chain node codes or names separated by ; (see the chain node sheet)" },
  },
  supplierUscc: {
    zh: { label: "供应方统一社会信用代码", note: "供应方的统一社会信用代码" },
    en: { label: "Supplier's credit code", note: "the supplier's unified social credit code" },
  },
  customerUscc: {
    zh: { label: "客户统一社会信用代码", note: "客户的统一社会信用代码" },
    en: { label: "Customer's credit code", note: "the customer's unified social credit code" },
  },
  product: { zh: { label: "产品", note: "供应的产品" }, en: { label: "Product", note: "what is supplied" } },
  volumeBand: {
    zh: {
      label: "年交易额区间",
      note: "100万元以下 | 100万-1000万元 | 1000万-5000万元 | 5000万-2亿元 | 2亿元以上",
    },
    en: { label: "Yearly volume", note: "< CNY 1 m | CNY 1–10 m | CNY 10–50 m | CNY 50–200 m | > CNY 200 m" },
  },
  chainNode: {
    zh: { label: "产业链环节", note: "产品所属环节的代码或名称" },
    en: { label: "Chain node", note: "code or name of the product's chain node" },
  },
  sinceYear: {
    zh: { label: "起始年份", note: "关系开始的年份" },
    en: { label: "Since (year)", note: "year the relation began" },
  },
} as const satisfies Record<string, Readonly<Record<Lang, { label: string; note: string }>>>;
export type ImportColumnKey = keyof typeof IMPORT_COLUMN_TEXTS;

/** `importLabel.<key>` and `importNote.<key>` → wording, for spreading into a web message file. */
export function importColumnTextsIn(
  lang: Lang,
): Record<`importLabel.${ImportColumnKey}` | `importNote.${ImportColumnKey}`, string> {
  const out: Record<string, string> = {};
  for (const [key, t] of Object.entries(IMPORT_COLUMN_TEXTS)) {
    out[`importLabel.${key}`] = t[lang].label;
    out[`importNote.${key}`] = t[lang].note;
  }
  return out as Record<`importLabel.${ImportColumnKey}` | `importNote.${ImportColumnKey}`, string>;
}

/** A column's label and note in a language (the key itself when the column has no text). */
export function importColumnText(key: string, lang: Lang): { label: string; note: string } {
  const texts = (IMPORT_COLUMN_TEXTS as Record<string, Record<Lang, { label: string; note: string }>>)[key];
  return texts?.[lang] ?? { label: key, note: "" };
}
