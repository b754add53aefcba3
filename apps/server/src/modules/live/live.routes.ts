import { routeTable } from "@clusterbrain/contracts";
import { authHook } from "../../http/auth-hook.ts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";

const HEARTBEAT_MS = 20_000;
/** How often an open stream's credential is checked again (logout, revocation, expiry, role change). */
export const REAUTHORIZE_MS = 5_000;

/**
 * GET /live: Server-Sent Events. `event:` is the topic, `data:` the JSON event (LiveEvent in
 * contracts). EventSource sends the session cookie; a Bearer token works for scripts.
 */
export const liveModule: FeatureModule = {
  name: "live",
  routes(app, deps) {
    const authenticate = authHook(deps);
    registerRoute(app, routeTable.live.stream, async ({ actor, query, request, reply }) => {
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        connection: "keep-alive",
        "x-accel-buffering": "no",
        "x-request-id": request.id,
      });
      raw.write("retry: 3000\n: connected\n\n");
      const heartbeat = setInterval(() => raw.write(": ping\n\n"), HEARTBEAT_MS);
      heartbeat.unref();
      const subscription = deps.live.subscribe(
        actor,
        {
          deliver: (event) => {
            raw.write(`event: ${event.topic}\ndata: ${JSON.stringify(event)}\n\n`);
          },
          end: () => raw.end(),
        },
        { telemetryTags: new Set(query.telemetryTags) },
      );
      // The stream outlives the request's one authentication: check the session again and
      // end the stream once it is gone (EventSource then gets 401 and stops).
      const recheck = setInterval(() => {
        authenticate(request, reply).then(
          () => {
            if (request.actor) subscription.reauthorize(request.actor);
            else raw.end();
          },
          () => raw.end(),
        );
      }, REAUTHORIZE_MS);
      recheck.unref();
      raw.on("close", () => {
        clearInterval(heartbeat);
        clearInterval(recheck);
        subscription.unsubscribe();
      });
      return reply;
    });
  },
};
