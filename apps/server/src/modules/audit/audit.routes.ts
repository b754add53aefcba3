import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { AuditService } from "./audit.service.ts";

export const auditModule: FeatureModule = {
  name: "audit",
  routes(app, deps) {
    const service = new AuditService(deps.db);
    registerRoute(app, routeTable.audit.page, async ({ actor, query }) => service.list(actor, query));
  },
};
