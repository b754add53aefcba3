import type { TagDataType } from "@clusterbrain/contracts";
import type { Database } from "../../db/database.ts";
import { AssetRepository } from "./asset.repository.ts";

export interface TestDevice {
  orgId: string;
  deviceId: string;
  tagIds: Record<string, string>;
}

/**
 * One site → line → machine → device with the given tags, ids prefixed by `prefix` (for tests).
 */
export async function createTestDevice(
  db: Database,
  orgId: string,
  prefix: string,
  tags: { key: string; dataType: TagDataType; unit?: string; low?: number; high?: number }[],
): Promise<TestDevice> {
  const repo = new AssetRepository(db);
  await repo.insertSite({ orgId, id: `${prefix}-site`, name: `${prefix} site` });
  await repo.insertLine({ orgId, id: `${prefix}-line`, siteId: `${prefix}-site`, name: `${prefix} line` });
  await repo.insertMachine({
    orgId,
    id: `${prefix}-machine`,
    lineId: `${prefix}-line`,
    name: `${prefix} machine`,
    processType: "coil_winding",
  });
  const deviceId = `${prefix}-device`;
  await repo.insertDevice({ orgId, id: deviceId, machineId: `${prefix}-machine`, name: `${prefix} device` });
  const tagIds: Record<string, string> = {};
  for (const t of tags) {
    const id = `${prefix}-tag-${t.key.replace(/[^A-Za-z0-9]/g, "_")}`;
    await repo.insertTag({
      orgId,
      id,
      deviceId,
      key: t.key,
      dataType: t.dataType,
      unit: t.unit ?? "",
      low: t.low ?? null,
      high: t.high ?? null,
      spc: { enabled: false },
    });
    tagIds[t.key] = id;
  }
  return { orgId, deviceId, tagIds };
}
