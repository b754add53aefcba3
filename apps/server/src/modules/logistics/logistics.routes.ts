import { routeTable, WEBHOOK_HEADERS } from "@clusterbrain/contracts";
import type { FastifyRequest } from "fastify";
import { ValidationError } from "../../errors/index.ts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { LogisticsService } from "./logistics.service.ts";

const routes = routeTable.logistics;

/** Raw JSON bodies of this module's requests: the webhook signature is over the exact bytes. */
const rawBodies = new WeakMap<FastifyRequest, string>();

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === "string" ? value : undefined;
}

export const logisticsModule: FeatureModule = {
  name: "logistics",
  routes(app, deps) {
    const service = new LogisticsService(deps.db, deps.now, deps.live);
    // In this module's scope only: JSON is parsed as usual, and its raw text kept for the signature.
    app.removeContentTypeParser("application/json");
    app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
      const text = typeof body === "string" ? body : body.toString("utf8");
      rawBodies.set(request, text);
      if (text.trim() === "") return done(null, undefined);
      try {
        done(null, JSON.parse(text));
      } catch {
        done(ValidationError.field("body", "the body is not valid JSON"), undefined);
      }
    });
    registerRoute(app, routes.list, async ({ actor }) => service.list(actor));
    registerRoute(app, routes.create, async ({ actor, body }) => service.create(actor, body));
    registerRoute(app, routes.get, async ({ actor, params }) => service.get(actor, params.id));
    registerRoute(app, routes.addEvent, async ({ actor, params, body }) =>
      service.addEvent(actor, params.id, body),
    );
    registerRoute(app, routes.rotateSecret, async ({ actor }) => service.rotateSecret(actor));
    registerRoute(app, routes.webhook, async ({ request, body }) =>
      service.webhook(
        {
          org: header(request, WEBHOOK_HEADERS.org),
          timestamp: header(request, WEBHOOK_HEADERS.timestamp),
          signature: header(request, WEBHOOK_HEADERS.signature),
        },
        rawBodies.get(request) ?? "",
        body,
      ),
    );
  },
};
