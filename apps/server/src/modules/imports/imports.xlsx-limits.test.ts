import { generateDemoCluster } from "@clusterbrain/demo";
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import { loadDemoCluster } from "../../demo/demo.loader.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { authModule } from "../auth/auth.routes.ts";
import { inflatingXlsx, manyRowsXlsx } from "./fixtures/xlsx-bomb.fixture.ts";
import { importsModule } from "./imports.routes.ts";

const demo = generateDemoCluster();
const operatorPassword = demo.users.find((u) => u.persona === "operator")!.password;
/** What one hostile upload may add to the heap (plus buffers outside it) while it is refused. */
const HEAP_BOUND = 64 * 1024 * 1024;

const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

describeEachDatabase("xlsx imports are bounded while they are read", (getDb) => {
  let app: FastifyInstance;
  let headers: Record<string, string>;
  // Built once: ~1.5 MB that inflates to 1.5 GiB (sizes honest / forged), and 1,000,000 rows (~2.5 MB).
  const bomb = inflatingXlsx(1500);
  const forged = inflatingXlsx(1500, true);
  const million = manyRowsXlsx(1_000_000);

  beforeAll(async () => {
    const { db } = getDb();
    await loadDemoCluster(db);
    app = await buildApp({
      db,
      sessionSecret: "x".repeat(40),
      logLevel: "silent",
      modules: [authModule, importsModule],
    });
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "operator@demo.cluster", password: operatorPassword },
    });
    const cookie = res.cookies.find((c) => c.name === "cb_session")!;
    headers = { cookie: `cb_session=${cookie.value}`, "x-csrf-token": res.json().csrfToken };
  });

  const dryRun = (file: Buffer) =>
    app.inject({
      method: "POST",
      url: "/api/v1/imports/upload?entity=orgs&format=xlsx&dryRun=true",
      headers: { ...headers, "content-type": "application/octet-stream" },
      payload: file,
    });

  it.each([
    ["inflates to 1.5 GiB (sizes in the zip honest)", () => bomb, /unpacks to 1500 MiB; at most 32 MiB/],
    ["inflates to 1.5 GiB (sizes in the zip forged)", () => forged, /unpacks to more than it declares/],
    ["holds 1,000,000 rows", () => million, /more than 20000 rows/],
  ])("a dry run of an .xlsx that %s is refused within 1 s, heap bounded", async (_what, file, message) => {
    expect(file().length).toBeLessThan(3 * 1024 * 1024);
    const before = used();
    const started = performance.now();
    const res = await dryRun(file());
    const ms = performance.now() - started;
    const grown = used() - before;
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringMatching(message),
    });
    expect(ms).toBeLessThan(1000);
    expect(grown).toBeLessThan(HEAP_BOUND);
    console.log(
      `xlsx limit: ${_what}: ${res.statusCode} in ${ms.toFixed(0)} ms, heap+external ${(grown / 1e6).toFixed(1)} MB`,
    );
  });

  it("four such uploads at once are all refused within 1 s without taking the heap with them", async () => {
    const before = used();
    const started = performance.now();
    const answers = await Promise.all([bomb, forged, million, forged].map(dryRun));
    const ms = performance.now() - started;
    const grown = used() - before;
    expect(answers.map((r) => r.statusCode)).toEqual([400, 400, 400, 400]);
    expect(ms).toBeLessThan(1000);
    expect(grown).toBeLessThan(2 * HEAP_BOUND);
    console.log(`xlsx limit: 4 at once in ${ms.toFixed(0)} ms, heap+external ${(grown / 1e6).toFixed(1)} MB`);
  });
});
