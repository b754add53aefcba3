import { z } from "zod";
import { suppressedNumberSchema } from "./chain.contract.ts";
import { idSchema, text } from "./common.contract.ts";
import { sizeBandSchema } from "./org.contract.ts";

/** Dashboard filters; each one narrows every figure, and drill-downs carry them to the directory. */
export const statsOverviewQuerySchema = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  district: text({ max: 100 }).optional(),
  chainNode: idSchema.optional(),
});
export type StatsOverviewQuery = z.infer<typeof statsOverviewQuerySchema>;

const indicatorTotalsSchema = z.object({
  year: z.number().int(),
  /** Firms reporting that year (a count of public participation, not suppressed). */
  firms: z.number().int(),
  revenue: suppressedNumberSchema,
  rdSpend: suppressedNumberSchema,
  exports: suppressedNumberSchema,
  employees: suppressedNumberSchema,
  patents: suppressedNumberSchema,
  energyUse: suppressedNumberSchema,
});
export type IndicatorTotals = z.infer<typeof indicatorTotalsSchema>;

export const statsOverviewSchema = z.object({
  k: z.number().int(),
  /** When the newest figure behind the page was written (ISO). */
  asOf: z.string().nullable(),
  years: z.array(z.number().int()),
  districts: z.array(z.string()),
  /** Enterprises matching the filters. */
  firms: z.number().int(),
  /** Cluster totals per year over the filtered firms (k-suppressed per year and indicator). */
  indicators: z.array(indicatorTotalsSchema),
  perNode: z.array(
    z.object({
      nodeId: z.string(),
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      stage: z.number().int(),
      firms: z.number().int(),
      weakLink: z.boolean(),
    }),
  ),
  perDistrict: z.array(z.object({ district: z.string(), firms: z.number().int() })),
  /** Ranked by public profile facts only (patents listed, then size), never by private figures. */
  topFirms: z.array(
    z.object({
      id: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      district: z.string(),
      sizeBand: sizeBandSchema,
      patents: z.number().int(),
    }),
  ),
});
export type StatsOverview = z.infer<typeof statsOverviewSchema>;

export const BENCHMARK_FIELDS = [
  "revenue",
  "rdSpend",
  "exports",
  "employees",
  "patents",
  "energyUse",
] as const;
export type BenchmarkField = (typeof BENCHMARK_FIELDS)[number];
const medianSetSchema = z.object({
  revenue: suppressedNumberSchema,
  rdSpend: suppressedNumberSchema,
  exports: suppressedNumberSchema,
  employees: suppressedNumberSchema,
  patents: suppressedNumberSchema,
  energyUse: suppressedNumberSchema,
});

/** A firm's own indicators beside the cluster's and its chain-node peers' medians (k-suppressed). */
export const benchmarksSchema = z.object({
  orgId: z.string(),
  k: z.number().int(),
  /** Peers: other enterprises on at least one of the firm's chain nodes. */
  peerCount: z.number().int(),
  years: z.array(
    z.object({
      year: z.number().int(),
      own: z.record(z.enum(BENCHMARK_FIELDS), z.number()).nullable(),
      cluster: medianSetSchema,
      peers: medianSetSchema,
    }),
  ),
});
export type Benchmarks = z.infer<typeof benchmarksSchema>;
