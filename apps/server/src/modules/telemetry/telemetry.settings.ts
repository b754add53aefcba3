import { DEFAULT_RETENTION_DAYS } from "@clusterbrain/contracts";
import type { AppConfig } from "../../config/config.ts";

/** Retention and acceptance window of telemetry (TELEMETRY_RETENTION_*_DAYS in the environment). */
export interface TelemetrySettings {
  /** Days each tier is kept: raw points, 1-minute and 1-hour rollups. */
  retentionDays: { raw: number; "1m": number; "1h": number };
  /** How far ahead of the server clock a device timestamp may be (clock skew). */
  futureToleranceMs: number;
  /** Day partitions created ahead of today (PostgreSQL and PGlite). */
  partitionsAhead: number;
}

export const DEFAULT_TELEMETRY_SETTINGS: TelemetrySettings = {
  retentionDays: { ...DEFAULT_RETENTION_DAYS },
  futureToleranceMs: 5 * 60_000,
  partitionsAhead: 2,
};

export const DAY_MS = 86_400_000;

/** The settings from the validated configuration (defaults where it says nothing). */
export function telemetrySettingsFrom(config: AppConfig): TelemetrySettings {
  return { ...DEFAULT_TELEMETRY_SETTINGS, retentionDays: { ...config.telemetryRetentionDays } };
}
