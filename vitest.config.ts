import { defineConfig } from "vitest/config";

// Three tiers (see docs/architecture.md): unit = pure code, medium = services on a real
// database (PGlite always, PostgreSQL when TEST_DATABASE_URL is set), e2e = browser.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          include: [
            "packages/*/src/**/*.test.ts",
            "apps/cli/src/**/*.test.ts",
            "apps/web/src/**/*.test.{ts,tsx}",
            "bench/**/*.test.ts",
          ],
          // CLI tests that open a real database belong to the medium tier.
          exclude: ["**/*.medium.test.ts", "**/node_modules/**"],
          environment: "node",
          setupFiles: ["./scripts/fast-check.setup.ts"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "medium",
          sequence: { groupOrder: 1 },
          include: [
            "apps/server/src/**/*.test.ts",
            "apps/cli/src/**/*.medium.test.ts",
            "bench/**/*.medium.test.ts",
          ],
          environment: "node",
          setupFiles: ["./scripts/fast-check.setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // PGlite instances are memory-hungry; keep the worker count modest on 2 cores.
          // groupOrder runs the tiers one after another, so their worker pools never compete.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: "e2e",
          sequence: { groupOrder: 2 },
          include: ["e2e/**/*.e2e.ts"],
          environment: "node",
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
