import { declaredRoutes, okSchema, type ResponseOf, routeTable } from "@clusterbrain/contracts";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { authModule } from "../modules/auth/auth.routes.ts";
import type { FeatureModule } from "../modules/module.ts";
import { call, EMAILS, login, seedCluster } from "../test/fixtures.ts";
import { withTestDatabase } from "../test/test-database.ts";
import { guardDeclaredRoutes, registerRoute } from "./route-registry.ts";

const SECRET = "route-registry-secret-0123456789-abcdef";

describe("route table at start-up", () => {
  const getDb = withTestDatabase();

  /** Builds and starts the app (a refusal may surface at either step). */
  async function start(modules?: FeatureModule[]) {
    const app = await buildApp({ db: getDb().db, sessionSecret: SECRET, logLevel: "silent", modules });
    await app.ready();
    return app;
  }

  it("refuses a route registered without a declaration", async () => {
    const rogue: FeatureModule = {
      name: "rogue",
      routes(app) {
        app.get("/rogue", async () => ({ ok: true as const }));
      },
    };
    await expect(start([authModule, rogue])).rejects.toThrow(
      /GET \/api\/v1\/rogue is not declared in the route table/,
    );
  });

  it("refuses a declared route registered under another path", async () => {
    const moved: FeatureModule = {
      name: "moved",
      routes(app) {
        registerRoute(app, { ...routeTable.stats.districts, path: "/stats/elsewhere" }, async () => ({
          items: [],
        }));
      },
    };
    await expect(start([moved])).rejects.toThrow(/not declared in the route table/);
  });

  it("refuses the same declaration registered twice", async () => {
    const twice: FeatureModule = {
      name: "twice",
      routes(app) {
        registerRoute(app, routeTable.auth.logout, async () => ({ ok: true as const }));
        app.register(async (inner) => {
          registerRoute(inner.withTypeProvider(), routeTable.auth.logout, async () => ({
            ok: true as const,
          }));
        });
      },
    };
    await expect(start([twice])).rejects.toThrow(/registered twice|already declared/);
  });

  it("refuses to start when a declared route has no handler", async () => {
    const app = Fastify();
    guardDeclaredRoutes(app, {
      requireAll: true,
      table: [
        { name: "probe.ping", route: { ...routeTable.auth.logout, path: "/probe", response: okSchema } },
      ],
    });
    await expect(app.ready()).rejects.toThrow(/declared routes without a handler: probe\.ping/);
  });

  it("a handler is typed from its declaration, and an answer off the schema is a 500, not a leak", async () => {
    const drifted: FeatureModule = {
      name: "drifted",
      routes(app) {
        registerRoute(app, routeTable.grants.revoke, async ({ params, actor }) => {
          const id: string = params.id;
          const org: string = actor.orgId;
          // @ts-expect-error the declared answer is a grant, not this
          const answer: ResponseOf<typeof routeTable.grants.revoke> = { id, org, secret: "s3cret" };
          return answer;
        });
      },
    };
    await seedCluster(getDb().db);
    const app = await start([authModule, drifted]);
    const owner = await login(app, EMAILS.aOwner);
    const res = await call(app, owner, "POST", "/api/v1/grants/g-1/revoke");
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: "INTERNAL", message: "internal error" } });
    expect(res.body).not.toContain("s3cret");
    await app.close();
  });

  it("the full module list registers every declared route exactly once", async () => {
    const app = await start();
    const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith("/api/v1/"))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const declared = declaredRoutes()
      .map((d) => `${d.route.method} /api/v1${d.route.path.replace(/:(\w+)/g, "{$1}")}`)
      .sort();
    expect(documented).toEqual(declared);
    await app.close();
  });
});
