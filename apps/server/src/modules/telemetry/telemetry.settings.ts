/** Retention and acceptance window of telemetry; defaults below, overridable by the environment. */
export interface TelemetrySettings {
  /** Days each tier is kept: raw points, 1-minute and 1-hour rollups. */
  retentionDays: { raw: number; "1m": number; "1h": number };
  /** How far ahead of the server clock a device timestamp may be (clock skew). */
  futureToleranceMs: number;
  /** Day partitions created ahead of today (PostgreSQL and PGlite). */
  partitionsAhead: number;
}

export const DEFAULT_TELEMETRY_SETTINGS: TelemetrySettings = {
  retentionDays: { raw: 7, "1m": 90, "1h": 5 * 365 },
  futureToleranceMs: 5 * 60_000,
  partitionsAhead: 2,
};

export const DAY_MS = 86_400_000;
