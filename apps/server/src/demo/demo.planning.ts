import { randomUUID } from "node:crypto";
import { PLANNING_DATA_SCHEMAS, type PlanningEntity } from "@clusterbrain/contracts";
import { demoPlanningData } from "@clusterbrain/demo";
import type { planningRecords } from "../db/schema/index.ts";
import { naturalKey } from "../modules/planning/planning.columns.ts";
import { plain } from "../modules/planning/planning.sheet.ts";

/**
 * Planning records of the demo firms (inductor maker, patient-monitor maker), each passed through
 * the entity's contract schema exactly as an API write or an import would be. Org ids are the
 * generator's keys, as for every demo row.
 */
export function demoPlanningRows(seed: number, at: Date) {
  const rows: (typeof planningRecords.$inferInsert)[] = [];
  for (const firm of demoPlanningData(seed)) {
    const byEntity: [PlanningEntity, object[]][] = [
      ["items", firm.items],
      ["bom", firm.bom],
      ["stock", firm.stock],
      ["open-orders", firm.openOrders],
      ["customer-orders", firm.customerOrders],
      ["demand", firm.demand],
    ];
    for (const [entity, records] of byEntity)
      for (const record of records) {
        const data = plain(PLANNING_DATA_SCHEMAS[entity].parse(record));
        rows.push({
          orgId: firm.orgKey,
          id: randomUUID(),
          entity,
          key: naturalKey(entity, data),
          data,
          updatedAt: at,
        });
      }
  }
  return rows;
}
