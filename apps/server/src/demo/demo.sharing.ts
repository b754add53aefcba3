import { FIRM_A_KEY, HELIAN_KEY, SHIYUAN_KEY, XINYUAN_KEY } from "@clusterbrain/demo";
import type { accessRequests, grants } from "../db/schema/index.ts";
import { demoUserId } from "./demo.rows.ts";

const DAY_MS = 86_400_000;

export interface DemoSharingRows {
  grants: (typeof grants.$inferInsert)[];
  accessRequests: (typeof accessRequests.$inferInsert)[];
}

/**
 * Sharing a new user sees at once: the demo firm (华磁) has received and given grants, one of them
 * runs out within the reminder window, and a request from another firm waits for its owner.
 * The partner firm (和联) has not been granted 华磁's indicators, so it can ask for them.
 */
export function demoSharingRows(at: Date): DemoSharingRows {
  const days = (n: number) => new Date(at.getTime() + n * DAY_MS);
  const grant = (
    id: string,
    grantor: string,
    grantee: string,
    dataClass: "indicators" | "relations" | "equipment" | "contacts",
    purpose: string,
    expiresInDays: number,
  ): typeof grants.$inferInsert => ({
    id,
    orgId: grantor,
    granteeOrgId: grantee,
    dataClass,
    purpose,
    expiresAt: days(expiresInDays),
    createdAt: days(-30),
    createdBy:
      grantor === FIRM_A_KEY ? demoUserId("owner") : grantor === HELIAN_KEY ? demoUserId("partner") : null,
  });
  return {
    grants: [
      grant("grant-demo-helian-huaci", HELIAN_KEY, FIRM_A_KEY, "relations", "供应链协同：共享采购计划", 180),
      grant("grant-demo-shiyuan-huaci", SHIYUAN_KEY, FIRM_A_KEY, "equipment", "联合产能评估", 365),
      grant("grant-demo-huaci-xinyuan", FIRM_A_KEY, XINYUAN_KEY, "relations", "芯片选型对接", 5),
    ],
    accessRequests: [
      {
        id: "access-request-demo-shiyuan",
        orgId: FIRM_A_KEY,
        requesterOrgId: SHIYUAN_KEY,
        dataClass: "indicators",
        purpose: "评估长期供货能力",
        status: "pending",
        requestedBy: null,
        createdAt: days(-2),
      },
    ],
  };
}
