import type { Database } from "../../db/database.ts";
import { dayStart, PartitionRepository } from "./partition.repository.ts";
import { DAY_MS, type TelemetrySettings } from "./telemetry.settings.ts";

export interface MaintenanceReport {
  created: number;
  dropped: string[];
}

/**
 * One maintenance pass: day partitions from the oldest retained raw day to `partitionsAhead` days
 * ahead exist, older day partitions are dropped and expired rows of every tier deleted. Run at the
 * module's start and hourly after.
 */
export async function maintainTelemetryStorage(
  db: Database,
  settings: TelemetrySettings,
  now: Date,
): Promise<MaintenanceReport> {
  const repo = new PartitionRepository(db);
  const today = dayStart(now.getTime());
  const rawCutoff = now.getTime() - settings.retentionDays.raw * DAY_MS;
  let created = 0;
  for (let day = dayStart(rawCutoff); day <= today + settings.partitionsAhead * DAY_MS; day += DAY_MS) {
    if (await repo.ensureDay(day)) created++;
  }
  const dropped = await repo.dropDaysBefore(rawCutoff);
  await repo.deleteExpired({
    raw: new Date(rawCutoff),
    "1m": new Date(now.getTime() - settings.retentionDays["1m"] * DAY_MS),
    "1h": new Date(now.getTime() - settings.retentionDays["1h"] * DAY_MS),
  });
  return { created, dropped };
}
