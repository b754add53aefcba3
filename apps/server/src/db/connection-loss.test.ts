import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { openDatabase } from "./database.ts";

const url = process.env.TEST_DATABASE_URL;

// The crash bench's database target killed PostgreSQL while a transaction held a pooled client:
// the FATAL arrived between two statements, was emitted on a client with no listener and took the
// server down. pg_terminate_backend sends the same kind of FATAL (57P01) to one backend.
it.runIf(url)(
  "a connection terminated inside a transaction fails that transaction only; the process and the pool live on",
  async () => {
    const handle = await openDatabase({ url: url ?? "" });
    const other = await openDatabase({ url: url ?? "" });
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err);
    process.on("uncaughtException", onUncaught);
    try {
      const outcome = await handle.db
        .transaction(async (tx) => {
          const pid = (
            (await tx.execute(sql`SELECT pg_backend_pid() AS pid`)) as unknown as {
              rows: { pid: number }[];
            }
          ).rows[0].pid;
          await other.db.execute(sql`SELECT pg_terminate_backend(${pid})`);
          // Let the FATAL reach the idle client before the next statement.
          await new Promise((r) => setTimeout(r, 300));
          await tx.execute(sql`SELECT 1`);
          return "committed";
        })
        .catch((err: unknown) => `failed: ${String(err)}`);
      expect(outcome).toMatch(/^failed: /);
      expect(uncaught).toEqual([]);
      const after = (await handle.db.execute(sql`SELECT 41 + 1 AS n`)) as unknown as {
        rows: { n: number }[];
      };
      expect(after.rows[0].n).toBe(42);
    } finally {
      process.off("uncaughtException", onUncaught);
      await handle.close();
      await other.close();
    }
  },
);
