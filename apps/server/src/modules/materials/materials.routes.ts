import { routeTable, XLSX_CONTENT_TYPE } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { materialsWorkbook } from "./materials.export.ts";
import { MaterialsService } from "./materials.service.ts";
import { MaterialsPoolService } from "./materials-pool.service.ts";
import { MaterialsStockService } from "./materials-stock.service.ts";

const routes = routeTable.materials;

export const materialsModule: FeatureModule = {
  name: "materials",
  routes(app, deps) {
    const service = new MaterialsService(deps.db, deps.now, deps.live);
    const pool = new MaterialsPoolService(deps.db, deps.now);
    const stock = new MaterialsStockService(deps.db, deps.now);
    registerRoute(app, routes.list, async ({ actor, query }) => service.list(actor, query));
    registerRoute(app, routes.export, async ({ actor, query, reply }) => {
      const { items } = await service.list(actor, query);
      return reply
        .type(XLSX_CONTENT_TYPE)
        .header("content-disposition", 'attachment; filename="materials.xlsx"')
        .send(await materialsWorkbook(items, query.lang, deps.now()));
    });
    registerRoute(app, routes.create, async ({ actor, body }) => service.create(actor, body));
    registerRoute(app, routes.update, async ({ actor, params, body }) =>
      service.update(actor, params.id, body),
    );
    registerRoute(app, routes.matches, async ({ actor, params }) => service.matches(actor, params.id));
    registerRoute(app, routes.listContacts, async ({ actor }) => service.contacts(actor));
    registerRoute(app, routes.createContact, async ({ actor, body }) => service.contact(actor, body));
    registerRoute(app, routes.pooledDemand, async ({ actor }) => pool.pooledDemand(actor));
    registerRoute(app, routes.listRounds, async ({ actor }) => pool.listRounds(actor));
    registerRoute(app, routes.createRound, async ({ actor, body }) => pool.createRound(actor, body));
    registerRoute(app, routes.joinRound, async ({ actor, params, body }) =>
      pool.joinRound(actor, params.id, body.quantity),
    );
    registerRoute(app, routes.stockGrantors, async ({ actor }) => stock.grantors(actor));
    registerRoute(app, routes.stock, async ({ actor, params }) => stock.stock(actor, params.orgId));
  },
};
