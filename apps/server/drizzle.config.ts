import { defineConfig } from "drizzle-kit";

// Migrations are generated from src/db/schema and committed; the app applies them with its own
// runner (src/db/migrate.ts) so PGlite and PostgreSQL (and per-test schemas) share one path.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema/index.ts",
  out: "./drizzle/migrations",
});
