import { DEFAULT_DEMO_SEED, generateDemoCluster } from "@clusterbrain/demo";
import { count, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { hashPassword } from "../auth/secrets.ts";
import type { Database, Tx } from "../db/database.ts";
import {
  accessRequests,
  auditLog,
  chainLinks,
  chainNodes,
  grants,
  indicators,
  loginAttempts,
  memberships,
  orgChainNodes,
  orgSearchTokens,
  orgs,
  planningRecords,
  relations,
  users,
} from "../db/schema/index.ts";
import { ConflictError } from "../errors/index.ts";
import { writeAudit } from "../modules/audit/audit.service.ts";
import { restartAuditChain } from "../modules/audit/audit-chain.service.ts";
import { loadDemoCapacity } from "./demo.capacity.ts";
import { loadDemoChannels } from "./demo.channels.ts";
import { loadDemoGrowth } from "./demo.growth.ts";
import { insertDemoInnovation } from "./demo.innovation.ts";
import { loadDemoLogistics } from "./demo.logistics.ts";
import { loadDemoMarketing } from "./demo.marketing.ts";
import { loadDemoMaterials } from "./demo.materials.ts";
import { loadDemoOee } from "./demo.oee.ts";
import { demoPlanningRows } from "./demo.planning.ts";
import { loadDemoResources } from "./demo.resources.ts";
import { demoRows, demoUserId } from "./demo.rows.ts";
import { demoSchedulingRows } from "./demo.scheduling.ts";
import { demoSharingRows } from "./demo.sharing.ts";
import { loadDemoStudios, loadDemoTalent } from "./demo.talent.ts";
import { insertDemoTrace } from "./demo.trace.ts";

export interface DemoLoadOptions {
  /** Wipe every organisation, user, chain node and audit entry first (TRUNCATE … CASCADE). */
  reset?: boolean;
  seed?: number;
  /** Clock for created_at and the audit entry (tests pin it). */
  now?: () => Date;
}

export interface DemoLoadSummary {
  seed: number;
  orgs: number;
  chainNodes: number;
  chainLinks: number;
  orgChainNodes: number;
  searchTokens: number;
  relations: number;
  indicators: number;
  users: number;
  /** Planning master data records of the demo firms (items, BOMs, stock, orders, demand history). */
  planningRecords: number;
  /** Demo sign-ins, for the dev-mode login hint only. */
  logins: { email: string; password: string; persona: string }[];
  ms: number;
}

/** Multi-row inserts in slices well under PostgreSQL's 65,535 bind parameters per statement. */
async function insertChunked<T extends PgTable>(tx: Tx, table: T, rows: T["$inferInsert"][], size = 1000) {
  for (let i = 0; i < rows.length; i += size) await tx.insert(table).values(rows.slice(i, i + size));
}

/**
 * Search tokens are most of the rows (~18k): three array parameters and unnest() beat 54k bind
 * parameters in multi-row VALUES by 2.5–4× on both PGlite and PostgreSQL.
 */
async function insertTokens(tx: Tx, rows: (typeof orgSearchTokens.$inferInsert)[]): Promise<void> {
  const column = (pick: (r: (typeof rows)[number]) => string) => sql.param(rows.map(pick));
  await tx.execute(
    sql`INSERT INTO ${orgSearchTokens} (org_id, token, field)
        SELECT * FROM unnest(${column((r) => r.orgId)}::text[], ${column((r) => r.token)}::text[], ${column((r) => r.field)}::text[])`,
  );
}

/**
 * Writes the generated demo cluster in one transaction. Refuses a database that already has
 * organisations unless `reset` (so a real cluster is never mixed with demo data by accident).
 */
export async function loadDemoCluster(db: Database, opts: DemoLoadOptions = {}): Promise<DemoLoadSummary> {
  const started = performance.now();
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  const at = (opts.now ?? (() => new Date()))();
  const cluster = generateDemoCluster(seed);
  const rows = demoRows(cluster, at);
  const planningRows = demoPlanningRows(seed, at);
  // Hash outside the transaction: argon2 is slow on purpose and needs no lock.
  const userRows = await Promise.all(
    cluster.users.map(async (u) => ({
      id: demoUserId(u.persona),
      email: u.email,
      displayName: u.displayNameZh,
      passwordHash: await hashPassword(u.password),
      createdAt: at,
    })),
  );

  await db.transaction(async (tx) => {
    if (opts.reset) {
      // CASCADE also empties every table that references these (sessions, grants, relations …).
      await tx.execute(
        sql`TRUNCATE TABLE ${orgs}, ${users}, ${chainNodes}, ${auditLog}, ${loginAttempts} CASCADE`,
      );
      await restartAuditChain(tx);
    } else {
      const [row] = await tx.select({ n: count() }).from(orgs);
      const existing = Number(row?.n ?? 0);
      if (existing > 0) {
        throw new ConflictError(
          `database already has ${existing} organisations; load the demo with reset to replace everything`,
        );
      }
    }
    await insertChunked(tx, chainNodes, rows.chainNodes);
    await insertChunked(tx, chainLinks, rows.chainLinks);
    await insertChunked(tx, orgs, rows.orgs, 500);
    await insertChunked(tx, orgChainNodes, rows.orgChainNodes);
    await insertTokens(tx, rows.orgSearchTokens);
    await insertChunked(tx, relations, rows.relations);
    await insertChunked(tx, indicators, rows.indicators);
    await insertChunked(tx, users, userRows);
    await insertChunked(tx, memberships, rows.memberships);
    await insertChunked(tx, planningRecords, planningRows);
    await insertChunked(tx, planningRecords, demoSchedulingRows(seed, at));
    const sharing = demoSharingRows(at);
    await insertChunked(tx, grants, sharing.grants);
    await insertChunked(tx, accessRequests, sharing.accessRequests);
    await loadDemoResources(tx, at);
    await insertDemoInnovation(tx, at);
    await loadDemoGrowth(tx, cluster, at);
    await insertDemoTrace(tx, cluster, at);
    await loadDemoMarketing(tx, at);
    await loadDemoTalent(tx, at);
    await loadDemoStudios(tx, at);
    await loadDemoChannels(tx, at);
    await loadDemoLogistics(tx, at);
    await loadDemoMaterials(tx, at);
    await loadDemoOee(tx, at);
    await loadDemoCapacity(tx, at);
    await writeAudit(
      tx,
      null,
      {
        orgId: cluster.orgs.find((o) => o.kind === "operator")!.key,
        action: opts.reset ? "demo.reset" : "demo.load",
        entity: "cluster",
        entityId: `demo-${seed}`,
        after: { seed, orgs: rows.orgs.length, relations: rows.relations.length },
      },
      at,
    );
  });

  return {
    seed,
    orgs: rows.orgs.length,
    chainNodes: rows.chainNodes.length,
    chainLinks: rows.chainLinks.length,
    orgChainNodes: rows.orgChainNodes.length,
    searchTokens: rows.orgSearchTokens.length,
    relations: rows.relations.length,
    indicators: rows.indicators.length,
    users: userRows.length,
    planningRecords: planningRows.length,
    logins: cluster.users.map((u) => ({ email: u.email, password: u.password, persona: u.persona })),
    ms: Math.round(performance.now() - started),
  };
}
