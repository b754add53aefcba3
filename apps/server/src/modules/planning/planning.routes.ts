import { routeTable, XLSX_CONTENT_TYPE } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { PlanningService } from "./planning.service.ts";
import { mrpWorkbook } from "./planning.sheet.ts";

const routes = routeTable.planning;
/** base64 of a 5 MiB workbook plus the JSON around it. */
const IMPORT_BODY_LIMIT = 7_200_000;

/** The planning workspace of the caller's org: master data, forecast, MRP. */
export const planningModule: FeatureModule = {
  name: "planning",
  routes(app, deps) {
    const service = new PlanningService(deps.db, deps.now);
    const xlsx = <R extends { type(t: string): R; header(k: string, v: string): R }>(
      reply: R,
      name: string,
    ) => reply.type(XLSX_CONTENT_TYPE).header("content-disposition", `attachment; filename="${name}.xlsx"`);

    registerRoute(app, routes.list, async ({ actor, query }) => service.list(actor, query.entity));
    registerRoute(app, routes.save, async ({ actor, body }) => service.save(actor, body));
    registerRoute(app, routes.remove, async ({ actor, params }) => service.remove(actor, params.id));
    registerRoute(app, routes.template, async ({ params, reply }) =>
      xlsx(reply, `planning-template-${params.entity}`).send(await service.template(params.entity)),
    );
    registerRoute(app, routes.export, async ({ actor, params, reply }) => {
      const bytes = await service.exportFile(actor, params.entity);
      return xlsx(reply, `planning-${params.entity}`).send(bytes);
    });
    registerRoute(app, routes.import, async ({ actor, body }) => service.importFile(actor, body), {
      bodyLimit: IMPORT_BODY_LIMIT,
    });
    registerRoute(app, routes.forecast, async ({ actor, params, query }) =>
      service.forecast(actor, params.item, query.horizon),
    );
    registerRoute(app, routes.override, async ({ actor, params, body }) =>
      service.override(actor, params.item, body),
    );
    registerRoute(app, routes.inventoryPolicy, async ({ actor, query }) =>
      service.inventoryPolicy(actor, query),
    );
    registerRoute(app, routes.mrp, async ({ actor, body }) => service.mrp(actor, body.horizon));
    registerRoute(app, routes.mrpExport, async ({ actor, reply }) => {
      const bytes = await mrpWorkbook(await service.mrp(actor, 12));
      return xlsx(reply, "mrp-plan").send(bytes);
    });
  },
};
