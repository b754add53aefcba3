import { routeTable, XLSX_CONTENT_TYPE } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { auditWorkbook } from "./audit.export.ts";
import { AuditService } from "./audit.service.ts";

export const auditModule: FeatureModule = {
  name: "audit",
  routes(app, deps) {
    const service = new AuditService(deps.db);
    registerRoute(app, routeTable.audit.page, async ({ actor, query }) => service.list(actor, query));
    registerRoute(app, routeTable.audit.export, async ({ actor, query, reply }) => {
      const entries = await service.all(actor, query);
      return reply
        .type(XLSX_CONTENT_TYPE)
        .header("content-disposition", 'attachment; filename="audit-log.xlsx"')
        .send(await auditWorkbook(entries, query.lang, deps.now()));
    });
  },
};
