import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";

const HEARTBEAT_MS = 20_000;

/**
 * GET /live: Server-Sent Events. `event:` is the topic, `data:` the JSON event (LiveEvent in
 * contracts). EventSource sends the session cookie; a Bearer token works for scripts.
 */
export const liveModule: FeatureModule = {
  name: "live",
  routes(app, deps) {
    registerRoute(app, routeTable.live.stream, async ({ actor, request, reply }) => {
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
      const unsubscribe = deps.live.subscribe(actor, {
        deliver: (event) => {
          raw.write(`event: ${event.topic}\ndata: ${JSON.stringify(event)}\n\n`);
        },
        end: () => raw.end(),
      });
      raw.on("close", () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
      return reply;
    });
  },
};
