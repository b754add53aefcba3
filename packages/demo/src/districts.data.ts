import type { DemoDistrict } from "./demo.types.ts";

/**
 * Jiaxing's county-level divisions (GB/T 2260 codes) plus the national-level economic and
 * technological development zone, whose firms register with the city (330400).
 */
export const DISTRICTS: readonly DemoDistrict[] = [
  {
    divisionCode: "330400",
    nameZh: "嘉兴经济技术开发区",
    nameEn: "Jiaxing Economic & Technological Development Zone",
    roads: [
      { zh: "昌盛南路", en: "Changsheng South Road" },
      { zh: "长水路", en: "Changshui Road" },
      { zh: "岗山路", en: "Gangshan Road" },
      { zh: "塘汇路", en: "Tanghui Road" },
      { zh: "城南路", en: "Chengnan Road" },
    ],
  },
  {
    divisionCode: "330402",
    nameZh: "南湖区",
    nameEn: "Nanhu District",
    roads: [
      { zh: "南湖大道", en: "Nanhu Avenue" },
      { zh: "中山东路", en: "Zhongshan East Road" },
      { zh: "广益路", en: "Guangyi Road" },
      { zh: "东升东路", en: "Dongsheng East Road" },
    ],
  },
  {
    divisionCode: "330411",
    nameZh: "秀洲区",
    nameEn: "Xiuzhou District",
    roads: [
      { zh: "康和路", en: "Kanghe Road" },
      { zh: "秀洲大道", en: "Xiuzhou Avenue" },
      { zh: "洪兴路", en: "Hongxing Road" },
      { zh: "中山西路", en: "Zhongshan West Road" },
    ],
  },
  {
    divisionCode: "330421",
    nameZh: "嘉善县",
    nameEn: "Jiashan County",
    roads: [
      { zh: "晋阳东路", en: "Jinyang East Road" },
      { zh: "东方大道", en: "Dongfang Avenue" },
      { zh: "归谷路", en: "Guigu Road" },
    ],
  },
  {
    divisionCode: "330424",
    nameZh: "海盐县",
    nameEn: "Haiyan County",
    roads: [
      { zh: "盐北路", en: "Yanbei Road" },
      { zh: "武原大道", en: "Wuyuan Avenue" },
      { zh: "秦山大道", en: "Qinshan Avenue" },
    ],
  },
  {
    divisionCode: "330481",
    nameZh: "海宁市",
    nameEn: "Haining City",
    roads: [
      { zh: "海州西路", en: "Haizhou West Road" },
      { zh: "文苑路", en: "Wenyuan Road" },
      { zh: "芯中路", en: "Xinzhong Road" },
    ],
  },
  {
    divisionCode: "330482",
    nameZh: "平湖市",
    nameEn: "Pinghu City",
    roads: [
      { zh: "新华南路", en: "Xinhua South Road" },
      { zh: "兴平一路", en: "Xingping 1st Road" },
      { zh: "经济开发区大道", en: "Development Zone Avenue" },
    ],
  },
  {
    divisionCode: "330483",
    nameZh: "桐乡市",
    nameEn: "Tongxiang City",
    roads: [
      { zh: "庆丰南路", en: "Qingfeng South Road" },
      { zh: "振东路", en: "Zhendong Road" },
      { zh: "梧桐大道", en: "Wutong Avenue" },
    ],
  },
];

/** Firms per district, weighted towards the development zone and Nanhu/Xiuzhou. */
export const DISTRICT_WEIGHTS: readonly number[] = [5, 3, 3, 2, 1, 2, 2, 1];

/** Short city prefix used in firm names for each district ("嘉兴…", "海宁…"). */
export function namePrefix(district: DemoDistrict): { zh: string; en: string } {
  const county: Record<string, { zh: string; en: string }> = {
    "330421": { zh: "嘉善", en: "Jiashan" },
    "330424": { zh: "海盐", en: "Haiyan" },
    "330481": { zh: "海宁", en: "Haining" },
    "330482": { zh: "平湖", en: "Pinghu" },
    "330483": { zh: "桐乡", en: "Tongxiang" },
  };
  return county[district.divisionCode] ?? { zh: "嘉兴", en: "Jiaxing" };
}
