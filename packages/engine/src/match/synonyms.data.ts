/**
 * Bilingual concept table for an electronic-components and medical-electronics cluster. Each
 * entry is one concept: its Chinese and English surface forms (English in lower case, words as
 * they are written; the tokeniser stems them the same way on both sides). A term in a demand and
 * a different term of the same concept in a capability count as the same term, so 电感 meets
 * "inductor" and 磁芯 meets "magnetic core". Chinese forms also seed the segmentation lexicon.
 */
export interface Concept {
  id: string;
  zh: string[];
  en: string[];
  /** Broader concepts this one also counts as (a power inductor is an inductor). */
  broader?: string[];
}

export const CONCEPTS: readonly Concept[] = [
  { id: "inductor", zh: ["电感", "电感器", "电感元件"], en: ["inductor", "inductors", "inductance"] },
  {
    id: "power-inductor",
    zh: ["功率电感", "一体成型电感"],
    en: ["power inductor", "molded inductor"],
    broader: ["inductor"],
  },
  { id: "magnetic-core", zh: ["磁芯", "磁心", "铁芯"], en: ["magnetic core", "core", "cores"] },
  {
    id: "ferrite",
    zh: ["铁氧体", "软磁铁氧体"],
    en: ["ferrite", "mnzn", "nizn"],
    broader: ["magnetic-material"],
  },
  {
    id: "magnetic-material",
    zh: ["磁性材料", "软磁材料", "软磁"],
    en: ["magnetic material", "soft magnetic"],
  },
  {
    id: "amorphous",
    zh: ["非晶", "纳米晶", "非晶合金"],
    en: ["amorphous", "nanocrystalline"],
    broader: ["magnetic-material"],
  },
  {
    id: "powder-core",
    zh: ["磁粉芯", "金属软磁粉芯", "合金粉末"],
    en: ["powder core", "metal powder", "sendust"],
    broader: ["magnetic-core"],
  },
  { id: "transformer", zh: ["变压器", "互感器"], en: ["transformer", "transformers"] },
  { id: "capacitor", zh: ["电容", "电容器", "陶瓷电容", "mlcc"], en: ["capacitor", "capacitors", "mlcc"] },
  { id: "resistor", zh: ["电阻", "电阻器"], en: ["resistor", "resistors"] },
  {
    id: "smt",
    zh: ["贴片", "表面贴装", "贴装", "smt"],
    en: ["smt", "surface mount", "surface-mount", "pick and place"],
  },
  {
    id: "pcb",
    zh: ["印制电路板", "电路板", "线路板", "pcb"],
    en: ["pcb", "printed circuit board", "circuit board"],
  },
  { id: "pcba", zh: ["pcba", "电路板组装"], en: ["pcba", "board assembly"] },
  {
    id: "soldering",
    zh: ["焊接", "回流焊", "波峰焊", "焊点"],
    en: ["soldering", "reflow", "solder joint", "wave solder"],
  },
  { id: "winding", zh: ["绕线", "绕制", "绕组"], en: ["winding", "coil winding", "coil"] },
  { id: "sintering", zh: ["烧结", "烧成"], en: ["sintering", "firing"] },
  {
    id: "medical-electronics",
    zh: ["医疗电子", "医用电子", "医疗器械电子"],
    en: ["medical electronics", "medical electronic"],
  },
  {
    id: "medical-device",
    zh: ["医疗器械", "医疗设备", "医用设备"],
    en: ["medical device", "medical equipment"],
  },
  { id: "monitor", zh: ["监护仪", "病人监护", "监护"], en: ["patient monitor", "monitoring"] },
  { id: "ultrasound", zh: ["超声", "超声波", "彩超"], en: ["ultrasound", "ultrasonic"] },
  { id: "ecg", zh: ["心电", "心电图"], en: ["ecg", "ekg", "electrocardiogram"] },
  { id: "imaging", zh: ["影像", "医学影像", "成像"], en: ["imaging", "medical imaging"] },
  { id: "sensor", zh: ["传感器", "传感"], en: ["sensor", "sensors", "sensing"] },
  {
    id: "emc",
    zh: ["电磁兼容", "emc", "电磁干扰", "emi"],
    en: ["emc", "electromagnetic compatibility", "emi", "interference"],
  },
  {
    id: "reliability",
    zh: ["可靠性", "寿命试验", "老化"],
    en: ["reliability", "lifetime test", "aging", "burn-in"],
  },
  {
    id: "thermal",
    zh: ["散热", "热管理", "温升"],
    en: ["thermal", "heat dissipation", "thermal management", "temperature rise"],
  },
  {
    id: "high-frequency",
    zh: ["高频", "射频"],
    en: ["high frequency", "high-frequency", "rf", "radio frequency"],
  },
  { id: "loss", zh: ["损耗", "磁损", "铁损"], en: ["loss", "core loss", "losses"] },
  { id: "saturation", zh: ["饱和", "饱和电流"], en: ["saturation", "saturation current"] },
  {
    id: "miniaturisation",
    zh: ["小型化", "微型化", "轻薄化"],
    en: ["miniaturisation", "miniaturization", "compact"],
  },
  {
    id: "power-supply",
    zh: ["电源", "开关电源", "电源模块"],
    en: ["power supply", "psu", "power module", "smps"],
  },
  { id: "converter", zh: ["变换器", "逆变器", "dc-dc"], en: ["converter", "inverter", "dc-dc"] },
  {
    id: "automotive",
    zh: ["车规", "汽车电子", "新能源汽车"],
    en: ["automotive", "aec-q200", "ev", "electric vehicle"],
  },
  { id: "testing", zh: ["检测", "测试", "试验"], en: ["testing", "test", "inspection"] },
  {
    id: "simulation",
    zh: ["仿真", "模拟", "有限元"],
    en: ["simulation", "finite element", "fem", "modelling"],
  },
  {
    id: "automation",
    zh: ["自动化", "自动化产线", "智能制造"],
    en: ["automation", "automated line", "smart manufacturing"],
  },
  {
    id: "machine-vision",
    zh: ["机器视觉", "视觉检测", "aoi"],
    en: ["machine vision", "vision inspection", "aoi"],
  },
  {
    id: "ai",
    zh: ["人工智能", "深度学习", "机器学习"],
    en: ["artificial intelligence", "ai", "deep learning", "machine learning"],
  },
  {
    id: "embedded",
    zh: ["嵌入式", "单片机", "固件"],
    en: ["embedded", "mcu", "firmware", "microcontroller"],
  },
  { id: "low-power", zh: ["低功耗"], en: ["low power", "low-power"] },
  { id: "wireless", zh: ["无线", "蓝牙", "无线通信"], en: ["wireless", "bluetooth", "ble"] },
  { id: "wearable", zh: ["可穿戴", "穿戴式"], en: ["wearable", "wearables"] },
  { id: "biocompat", zh: ["生物相容性", "生物相容"], en: ["biocompatibility", "biocompatible"] },
  { id: "sterilisation", zh: ["灭菌", "消毒"], en: ["sterilisation", "sterilization", "sterile"] },
  {
    id: "registration",
    zh: ["注册", "注册证", "医疗器械注册"],
    en: ["registration", "regulatory approval", "nmpa"],
  },
  {
    id: "iso13485",
    zh: ["iso13485", "质量管理体系"],
    en: ["iso 13485", "iso13485", "quality management system"],
  },
  { id: "iec60601", zh: ["iec60601", "医用电气安全"], en: ["iec 60601", "iec60601", "electrical safety"] },
  { id: "packaging", zh: ["封装", "灌封"], en: ["packaging", "encapsulation", "potting"] },
  { id: "ceramic", zh: ["陶瓷", "ltcc"], en: ["ceramic", "ceramics", "ltcc"] },
  { id: "thin-film", zh: ["薄膜", "溅射", "镀膜"], en: ["thin film", "sputtering", "coating"] },
  { id: "battery", zh: ["电池", "锂电池", "储能"], en: ["battery", "lithium battery", "energy storage"] },
  { id: "wireless-charging", zh: ["无线充电"], en: ["wireless charging", "wireless power"] },
  {
    id: "semiconductor",
    zh: ["半导体", "芯片", "集成电路"],
    en: ["semiconductor", "chip", "integrated circuit", "ic"],
  },
  {
    id: "gan-sic",
    zh: ["氮化镓", "碳化硅", "宽禁带"],
    en: ["gan", "sic", "wide bandgap", "gallium nitride", "silicon carbide"],
  },
  {
    id: "material-analysis",
    zh: ["材料分析", "扫描电镜", "电镜", "表征"],
    en: ["material analysis", "sem", "electron microscope", "characterisation"],
  },
  { id: "failure-analysis", zh: ["失效分析", "失效"], en: ["failure analysis", "failure"] },
  { id: "rehab", zh: ["康复", "康复设备"], en: ["rehabilitation", "rehab"] },
  { id: "infusion", zh: ["输液泵", "注射泵", "输液"], en: ["infusion pump", "syringe pump", "infusion"] },
  { id: "ventilator", zh: ["呼吸机"], en: ["ventilator"] },
  { id: "ivd", zh: ["体外诊断", "诊断试剂"], en: ["in vitro diagnostic", "ivd"] },
  {
    id: "signal-processing",
    zh: ["信号处理", "滤波", "降噪"],
    en: ["signal processing", "filtering", "noise reduction", "filter"],
  },
  { id: "connector", zh: ["连接器", "接插件"], en: ["connector", "connectors"] },
  { id: "cable", zh: ["线缆", "电缆", "导线"], en: ["cable", "wire", "harness"] },
  {
    id: "process",
    zh: ["工艺", "工艺优化"],
    en: ["process", "process optimisation", "process optimization"],
  },
  { id: "yield", zh: ["良率", "成品率"], en: ["yield", "yield rate"] },
  { id: "cost", zh: ["降本", "成本"], en: ["cost reduction", "cost"] },
  { id: "mould", zh: ["模具", "注塑"], en: ["mould", "mold", "injection moulding", "injection molding"] },
  { id: "software", zh: ["软件", "上位机"], en: ["software"] },
  {
    id: "data-platform",
    zh: ["数据平台", "工业互联网", "mes"],
    en: ["data platform", "industrial internet", "mes"],
  },
];

/**
 * Extra Chinese words for segmentation only (no synonyms): domain words the general-purpose
 * segmenter splits wrongly, kept whole so that they match as one term.
 */
export const EXTRA_ZH_WORDS: readonly string[] = [
  "产学研",
  "研发",
  "合作",
  "开发",
  "设计",
  "量产",
  "样品",
  "小批量",
  "国产化",
  "替代",
  "进口",
  "高端",
  "精密",
  "实验室",
  "平台",
  "联合",
  "攻关",
  "技术",
  "成果",
  "转化",
  "专利",
  "中试",
  "高校",
  "研究所",
  "工程中心",
  "电磁",
  "磁导率",
  "电流",
  "电压",
  "频率",
  "纳米",
  "材料",
  "配方",
  "粉末",
  "涂层",
  "绝缘",
  "高温",
  "低温",
  "温度",
  "算法",
  "模块",
  "芯片级",
  "一致性",
];
