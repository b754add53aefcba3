import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import type { Database } from "../db/database.ts";
import type { ModuleLifecycle } from "./lifecycle.ts";

/** Process-level routes outside /api/v1: liveness, readiness and Prometheus metrics. */
export function registerOpsRoutes(
  app: FastifyInstance,
  db: Database,
  lifecycle: ModuleLifecycle,
  registry: Registry = new Registry(),
): void {
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests by method, route and status",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request duration by method and route",
    labelNames: ["method", "route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook("onResponse", async (request, reply) => {
    // Route templates, not raw URLs, so ids do not explode the label cardinality.
    const route = request.routeOptions.url ?? "unmatched";
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));
  app.get("/readyz", { schema: { hide: true } }, async (_request, reply) => {
    try {
      await db.execute(sql`SELECT 1`);
    } catch {
      return reply.status(503).send({ error: { code: "INTERNAL", message: "database not reachable" } });
    }
    // Each background module (job workers, pollers, brokers) reports its own state.
    const modules = lifecycle.report();
    const ready = modules.every((m) => m.ok);
    return reply.status(ready ? 200 : 503).send({ status: ready ? "ready" : "not ready", modules });
  });
  app.get("/metrics", { schema: { hide: true } }, async (_request, reply) => {
    reply.header("content-type", registry.contentType);
    return registry.metrics();
  });
}
