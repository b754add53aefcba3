import { auditPageSchema, auditQuerySchema, errorBodySchema } from "@clusterbrain/contracts";
import { requireActor } from "../../http/auth-hook.ts";
import type { FeatureModule } from "../module.ts";
import { AuditService } from "./audit.service.ts";

export const auditModule: FeatureModule = {
  name: "audit",
  routes(app, deps) {
    app.get(
      "/audit",
      {
        schema: {
          tags: ["audit"],
          summary: "Audit log (org admins: own org; operator: any org or all)",
          querystring: auditQuerySchema,
          response: { 200: auditPageSchema, 403: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) => new AuditService(deps.db).list(requireActor(request), request.query),
    );
  },
};
