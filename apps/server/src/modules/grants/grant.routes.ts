import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { GrantService } from "./grant.service.ts";
import { remindExpiringGrants } from "./grant-expiry.reminder.ts";

const routes = routeTable.grants;
/** How often the expiry reminders are looked for (each grant is reminded once, so this is cheap). */
const REMINDER_INTERVAL_MS = 60 * 60_000;

export const grantModule: FeatureModule = {
  name: "grants",
  routes(app, deps) {
    const service = new GrantService(deps.db, deps.now, deps.live);
    registerRoute(app, routes.list, async ({ actor }) => service.list(actor));
    registerRoute(app, routes.create, async ({ actor, body }) => service.create(actor, body));
    registerRoute(app, routes.revoke, async ({ actor, params, body }) =>
      service.revoke(actor, params.id, body?.reason),
    );
  },
  async start(deps) {
    let lastError: string | undefined;
    const run = () =>
      remindExpiringGrants(deps.db, deps.now(), deps.live).then(
        () => {
          lastError = undefined;
        },
        (err: unknown) => {
          lastError = err instanceof Error ? err.message : String(err);
        },
      );
    let running = run();
    const timer = setInterval(() => {
      running = running.then(run);
    }, REMINDER_INTERVAL_MS);
    timer.unref();
    return {
      stop: async () => {
        clearInterval(timer);
        await running;
      },
      // A failed reminder round is reported but does not make the server unready.
      health: () => ({ ok: true, expiryReminders: lastError ?? "ok" }),
    };
  },
};
