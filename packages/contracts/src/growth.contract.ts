import { z } from "zod";
import { suppressedNumberSchema } from "./chain.contract.ts";
import { idSchema, text } from "./common.contract.ts";

/**
 * Growth analytics on the platform's own data (micro / meso / macro) and the strategy workbench.
 * Every figure carries `meaning`, a message key whose zh/en sentence says what it means; every
 * cross-firm aggregate is a suppressed number (withheld below k = 3 firms).
 */
export const GROWTH_FIGURES = [
  "dea",
  "superEfficiency",
  "malmquist",
  "topsis",
  "peerBench",
  "io",
  "network",
  "networkYears",
  "coupling",
  "lq",
  "shiftShare",
  "moran",
  "lisa",
  "spillover",
  "endowment",
  "marketGaps",
  "position",
] as const;
export type GrowthFigure = (typeof GROWTH_FIGURES)[number];

export const growthQuerySchema = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});
export type GrowthQuery = z.infer<typeof growthQuerySchema>;

/** A unit in a figure: a firm the viewer may name (own, operator's consented pool, a grant), else a pseudonym. */
export const growthUnitSchema = z.object({
  /** Org id when the viewer may name the firm, else null. */
  orgId: z.string().nullable(),
  /** Chinese name, or the pseudonym. */
  label: z.string(),
  /** English name, or the pseudonym. */
  labelEn: z.string(),
  own: z.boolean(),
});
export type GrowthUnit = z.infer<typeof growthUnitSchema>;

const meaning = z.string();

export const deaUnitSchema = growthUnitSchema.extend({
  ccr: z.number(),
  bcc: z.number(),
  scale: z.number(),
  sbm: z.number(),
  superEfficiency: z.number().nullable(),
  peers: z.array(z.object({ label: z.string(), weight: z.number() })),
  /** Input targets (employees, fixed assets, R&D spend) from the CCR projection, own firm and operator only. */
  targets: z.array(z.object({ name: z.string(), actual: z.number(), target: z.number() })).nullable(),
});

export const growthMicroSchema = z.object({
  k: z.number().int(),
  year: z.number().int().nullable(),
  years: z.array(z.number().int()),
  /** Firms whose indicators are in the analysis (consented to the cluster's analytics). */
  contributors: z.number().int(),
  dea: z.object({
    meaning,
    inputs: z.array(z.string()),
    outputs: z.array(z.string()),
    suppressed: z.boolean(),
    meanCcr: suppressedNumberSchema,
    efficientShare: suppressedNumberSchema,
    units: z.array(deaUnitSchema),
  }),
  malmquist: z.object({
    meaning,
    /** Geometric means over the firms present in both years. */
    periods: z.array(
      z.object({
        from: z.number().int(),
        to: z.number().int(),
        M: suppressedNumberSchema,
        EC: suppressedNumberSchema,
        TC: suppressedNumberSchema,
      }),
    ),
    own: z.array(
      z.object({
        from: z.number().int(),
        to: z.number().int(),
        M: z.number(),
        EC: z.number(),
        TC: z.number(),
      }),
    ),
  }),
  topsis: z.object({
    meaning,
    weights: z.array(z.object({ key: z.string(), weight: z.number() })),
    units: z.array(growthUnitSchema.extend({ closeness: z.number(), rank: z.number().int() })),
  }),
  peerBench: z.object({
    meaning,
    groups: z.array(
      z.object({
        by: z.enum(["sizeBand", "chainNode"]),
        key: z.string(),
        labelZh: z.string(),
        labelEn: z.string(),
        firms: z.number().int(),
        meanCloseness: suppressedNumberSchema,
        meanCcr: suppressedNumberSchema,
        ownCloseness: z.number().nullable(),
        ownRank: z.number().int().nullable(),
      }),
    ),
  }),
});
export type GrowthMicro = z.infer<typeof growthMicroSchema>;

export const growthMesoSchema = z.object({
  k: z.number().int(),
  year: z.number().int().nullable(),
  io: z.object({
    meaning,
    segments: z.array(
      z.object({
        stage: z.number().int(),
        labelZh: z.string(),
        labelEn: z.string(),
        firms: z.number().int(),
        output: suppressedNumberSchema,
        outputMultiplier: z.number().nullable(),
        backward: z.number().nullable(),
        forward: z.number().nullable(),
        sectorClass: z.string().nullable(),
      }),
    ),
    /** Flow from segment `from` to segment `to` (万元, banded relation volumes), suppressed below k firms. */
    flows: z.array(z.object({ from: z.number().int(), to: z.number().int(), value: suppressedNumberSchema })),
  }),
  network: z.object({
    meaning,
    firms: z.number().int(),
    links: z.number().int(),
    /** Joint-project co-membership ties among the links (collaboration, not supply). */
    coProjectTies: z.number().int(),
    density: z.number().nullable(),
    communities: z.number().int().nullable(),
    modularity: z.number().nullable(),
    top: z.array(
      growthUnitSchema.extend({ betweenness: z.number(), degree: z.number().int(), constraint: z.number() }),
    ),
    own: z.object({ betweenness: z.number(), degree: z.number().int(), constraint: z.number() }).nullable(),
  }),
  networkYears: z.object({
    meaning,
    years: z.array(
      z.object({
        year: z.number().int(),
        links: z.number().int(),
        density: z.number().nullable(),
        communities: z.number().int().nullable(),
        /** Chain nodes that feed others but have at most one supplying firm in the graph that year. */
        weakNodes: z.number().int(),
      }),
    ),
  }),
  coupling: z.object({
    meaning,
    years: z.array(
      z.object({
        year: z.number().int(),
        C: z.number().nullable(),
        T: z.number().nullable(),
        D: z.number().nullable(),
        levelZh: z.string().nullable(),
        levelEn: z.string().nullable(),
      }),
    ),
  }),
});
export type GrowthMeso = z.infer<typeof growthMesoSchema>;

export const growthMacroSchema = z.object({
  k: z.number().int(),
  year: z.number().int().nullable(),
  districts: z.array(z.string()),
  lq: z.object({
    meaning,
    industries: z.array(z.string()),
    cells: z.array(z.object({ district: z.string(), industry: z.string(), lq: suppressedNumberSchema })),
  }),
  shiftShare: z.object({
    meaning,
    from: z.number().int().nullable(),
    to: z.number().int().nullable(),
    rows: z.array(
      z.object({
        district: z.string(),
        national: suppressedNumberSchema,
        mix: suppressedNumberSchema,
        competitive: suppressedNumberSchema,
        total: suppressedNumberSchema,
      }),
    ),
  }),
  moran: z.object({
    meaning,
    variable: z.string(),
    I: z.number().nullable(),
    expected: z.number().nullable(),
    p: z.number().nullable(),
    districtsUsed: z.number().int(),
  }),
  lisa: z.object({
    meaning,
    /** Map name registered on the web from the GeoJSON below (schematic, not surveyed boundaries). */
    geometry: z.literal("schematic"),
    units: z.array(
      z.object({
        district: z.string(),
        value: suppressedNumberSchema,
        Ii: z.number().nullable(),
        p: z.number().nullable(),
        cluster: z.string(),
      }),
    ),
  }),
  spillover: z.object({
    meaning,
    years: z.array(
      z.object({
        year: z.number().int(),
        moranI: z.number().nullable(),
        p: z.number().nullable(),
        patentsPer100: suppressedNumberSchema,
        rdIntensity: suppressedNumberSchema,
      }),
    ),
  }),
});
export type GrowthMacro = z.infer<typeof growthMacroSchema>;

/** Run one DEA model over the year's consenting firms as a background job (operator-sized runs). */
export const growthJobRequestSchema = z.object({
  year: z.number().int().min(1990).max(2100).optional(),
  method: z.enum(["dea-ccr", "dea-bcc", "sbm"]),
});
export type GrowthJobRequest = z.infer<typeof growthJobRequestSchema>;

export const growthDrillQuerySchema = z.object({
  chainNode: idSchema.optional(),
  district: text({ max: 100 }).optional(),
  sizeBand: z.enum(["micro", "small", "medium", "large"]).optional(),
  stage: z.coerce.number().int().min(0).max(20).optional(),
});
export type GrowthDrillQuery = z.infer<typeof growthDrillQuerySchema>;

/** Firms behind a chart element: public directory facts only (names, district, size), never their figures. */
export const growthDrillSchema = z.object({
  total: z.number().int(),
  items: z.array(
    z.object({
      id: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      district: z.string(),
      sizeBand: z.string(),
    }),
  ),
});
export type GrowthDrill = z.infer<typeof growthDrillSchema>;

export const STRATEGY_KPIS = [
  "dea.ccr",
  "malmquist.M",
  "topsis.closeness",
  "network.betweenness",
  "revenue",
] as const;
export const strategyKpiSchema = z.enum(STRATEGY_KPIS);

export const strategyGoalSchema = z.object({
  title: text({ min: 1, max: 200 }),
  kpi: strategyKpiSchema,
  target: z.number().finite(),
  due: z.number().int().min(2000).max(2100),
});
export const strategyNoteWriteSchema = z.object({
  body: text({ max: 5000, multiline: true }),
  goals: z.array(strategyGoalSchema).max(20),
});
export type StrategyNoteWrite = z.infer<typeof strategyNoteWriteSchema>;

export const strategyNoteSchema = strategyNoteWriteSchema.extend({
  orgId: z.string(),
  updatedAt: z.string().nullable(),
  goals: z.array(strategyGoalSchema.extend({ current: z.number().nullable() })),
});
export type StrategyNote = z.infer<typeof strategyNoteSchema>;

export const growthStrategySchema = z.object({
  k: z.number().int(),
  orgId: z.string().nullable(),
  endowment: z.object({
    meaning,
    nodes: z.array(
      z.object({
        nodeId: z.string(),
        nameZh: z.string(),
        nameEn: z.string(),
        stage: z.number().int(),
        firms: z.number().int(),
        capabilities: z.number().int(),
        institutes: z.number().int(),
        equipment: suppressedNumberSchema,
        talent: suppressedNumberSchema,
      }),
    ),
  }),
  marketGaps: z.object({
    meaning,
    items: z.array(
      z.object({
        product: z.string(),
        nameZh: z.string(),
        nameEn: z.string(),
        nodeId: z.string().nullable(),
        demand: suppressedNumberSchema,
        supply: suppressedNumberSchema,
        /** demand − supply when both are shown; > 0 is unmet demand in the cluster. */
        gap: z.number().nullable(),
      }),
    ),
  }),
  position: z.object({
    meaning,
    nodes: z.array(
      z.object({ nodeId: z.string(), nameZh: z.string(), nameEn: z.string(), stage: z.number().int() }),
    ),
    upstream: z.array(
      z.object({ nodeId: z.string(), nameZh: z.string(), nameEn: z.string(), firms: z.number().int() }),
    ),
    downstream: z.array(
      z.object({ nodeId: z.string(), nameZh: z.string(), nameEn: z.string(), firms: z.number().int() }),
    ),
    suppliers: z.number().int(),
    customers: z.number().int(),
  }),
});
export type GrowthStrategy = z.infer<typeof growthStrategySchema>;

/** A yearly report: the operator's is the cluster report, a firm's is its own firm report. */
export const growthReportRequestSchema = z.object({
  year: z.number().int().min(1990).max(2100).optional(),
});
export type GrowthReportRequest = z.infer<typeof growthReportRequestSchema>;

export const growthReportScopeSchema = z.enum(["cluster", "firm"]);
export const growthReportFileParamsSchema = z.object({ id: idSchema });
export type GrowthReportFileParams = z.infer<typeof growthReportFileParamsSchema>;

/** The report job's input: the very figures the dashboard routes answer for that viewer and year. */
export const reportJobInputSchema = z.object({
  scope: growthReportScopeSchema,
  year: z.number().int().nullable(),
  orgNameZh: z.string(),
  orgNameEn: z.string(),
  micro: growthMicroSchema,
  meso: growthMesoSchema,
  macro: growthMacroSchema,
});
export type ReportJobInput = z.infer<typeof reportJobInputSchema>;
