// What must hold in the database after a SIGKILL and a restart. Everything the bench writes is
// marked "crash-…" (org English names, grant purposes, member emails), so the checks see only
// its own rows and the seeded cluster stays out of the way.
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../apps/server/src/db/database.ts";

/** An import the bench fired: `rows` organisations named "<marker> row <j>". */
export interface ImportShot {
  marker: string;
  rows: number;
  acked: boolean;
}

/** A 2xx answer: "acknowledged means committed", so this must be in the database. */
export type Ack =
  | { kind: "import"; marker: string; rows: number }
  | { kind: "grant.create"; id: string }
  | { kind: "grant.revoke"; id: string }
  | { kind: "member.add"; userId: string; role: string }
  | { kind: "member.role"; userId: string; role: string }
  | { kind: "member.remove"; userId: string }
  | { kind: "job.start"; id: string }
  | { kind: "job.cancel"; id: string; status: string };

export interface Ledger {
  /** The imports of the cycle just killed (older ones were checked after their own cycle). */
  imports: ImportShot[];
  acks: Ack[];
  /** Firm whose members the bench adds and changes. */
  orgId: string;
}

export interface Report {
  violations: string[];
  /** For planning the next batch. */
  activeGrants: { id: string; orgId: string; granteeOrgId: string; dataClass: string }[];
  members: { userId: string; role: string }[];
  jobs: Record<string, number>;
  /** How this cycle's imports ended: all rows there or none (anything else is a violation). */
  imports: { whole: number; absent: number; partial: number };
  counts: { importedOrgs: number; grants: number; memberAudits: number; jobs: number };
}

type Row = Record<string, unknown>;

async function rows(db: Database, q: SQL): Promise<Row[]> {
  return ((await db.execute(q)) as unknown as { rows: Row[] }).rows;
}

const n = (v: unknown) => Number(v ?? 0);

export async function checkInvariants(db: Database, ledger: Ledger): Promise<Report> {
  const violations: string[] = [];

  // Imports: all or nothing, per import; every imported org has exactly one audit row and no
  // org.import audit row points at an org that is not there.
  const perMarker = new Map(
    (
      await rows(
        db,
        sql`SELECT split_part(name_en, ' row ', 1) AS marker, count(*) AS n FROM orgs WHERE name_en LIKE 'crash-%' GROUP BY 1`,
      )
    ).map((r) => [String(r.marker), n(r.n)]),
  );
  const imports = { whole: 0, absent: 0, partial: 0 };
  for (const shot of ledger.imports) {
    const got = perMarker.get(shot.marker) ?? 0;
    if (got === shot.rows) imports.whole++;
    else if (got === 0) imports.absent++;
    else imports.partial++;
    if (got !== 0 && got !== shot.rows)
      violations.push(`import ${shot.marker}: ${got} of ${shot.rows} rows (partial import)`);
    if (shot.acked && got !== shot.rows)
      violations.push(`import ${shot.marker} was acknowledged but holds ${got} of ${shot.rows} rows`);
  }
  const [orgAudit] = await rows(
    db,
    sql`SELECT
      (SELECT count(*) FROM orgs o LEFT JOIN (SELECT entity_id, count(*) AS n FROM audit_log WHERE action = 'org.import' GROUP BY entity_id) a ON a.entity_id = o.id
        WHERE o.name_en LIKE 'crash-%' AND coalesce(a.n, 0) <> 1) AS unaudited,
      (SELECT count(*) FROM audit_log a WHERE a.action = 'org.import' AND NOT EXISTS (SELECT 1 FROM orgs o WHERE o.id = a.entity_id)) AS orphans,
      (SELECT count(*) FROM orgs WHERE name_en LIKE 'crash-%') AS total`,
  );
  if (n(orgAudit.unaudited) > 0)
    violations.push(`${n(orgAudit.unaudited)} imported org(s) without exactly one org.import audit row`);
  if (n(orgAudit.orphans) > 0)
    violations.push(`${n(orgAudit.orphans)} org.import audit row(s) whose org is missing`);

  // Grants: created ⇔ one grant.create row; revoked ⇔ one grant.revoke row; no audit row without its grant.
  const grantRows = await rows(
    db,
    sql`SELECT g.id, g.org_id, g.grantee_org_id, g.data_class, g.revoked_at,
        coalesce(a.created, 0) AS created, coalesce(a.revoked, 0) AS revoked
      FROM grants g LEFT JOIN (
        SELECT entity_id, count(*) FILTER (WHERE action = 'grant.create') AS created,
          count(*) FILTER (WHERE action = 'grant.revoke') AS revoked
        FROM audit_log WHERE action IN ('grant.create', 'grant.revoke') GROUP BY entity_id
      ) a ON a.entity_id = g.id
      WHERE g.purpose LIKE 'crash-%'`,
  );
  for (const g of grantRows) {
    if (n(g.created) !== 1) violations.push(`grant ${g.id}: ${n(g.created)} grant.create audit rows`);
    const want = g.revoked_at === null ? 0 : 1;
    if (n(g.revoked) !== want)
      violations.push(`grant ${g.id}: revoked=${want === 1} but ${n(g.revoked)} grant.revoke audit rows`);
  }
  const [grantOrphans] = await rows(
    db,
    sql`SELECT count(*) AS n FROM audit_log a WHERE a.action IN ('grant.create', 'grant.revoke')
      AND NOT EXISTS (SELECT 1 FROM grants g WHERE g.id = a.entity_id AND (a.action = 'grant.create' OR g.revoked_at IS NOT NULL))`,
  );
  if (n(grantOrphans.n) > 0)
    violations.push(`${n(grantOrphans.n)} grant audit row(s) whose change is not in the database`);

  // Members: replaying the membership audit rows of the bench's users gives exactly the
  // memberships the database holds (a change without its row, or a row without its change, differs).
  const users = await rows(db, sql`SELECT id, email FROM users WHERE email LIKE 'crash-%'`);
  const userIds = new Set(users.map((u) => String(u.id)));
  const audits = await rows(
    db,
    sql`SELECT entity_id, action, after FROM audit_log WHERE entity = 'membership'
      AND entity_id LIKE ${`${ledger.orgId}:%`} ORDER BY id`,
  );
  const replayed = new Map<string, string | null>();
  const auditedUsers = new Set<string>();
  for (const a of audits) {
    const userId = String(a.entity_id).slice(ledger.orgId.length + 1);
    const after = a.after as { role?: string; email?: string } | null;
    if (a.action === "membership.create" && after?.email?.startsWith("crash-")) auditedUsers.add(userId);
    if (!auditedUsers.has(userId)) continue;
    replayed.set(userId, a.action === "membership.delete" ? null : (after?.role ?? null));
  }
  for (const id of userIds)
    if (!auditedUsers.has(id)) violations.push(`user ${id} exists without a membership.create audit row`);
  for (const id of auditedUsers)
    if (!userIds.has(id)) violations.push(`membership.create audit row for user ${id} who does not exist`);
  const held = new Map(
    (
      await rows(
        db,
        sql`SELECT m.user_id, m.role FROM memberships m JOIN users u ON u.id = m.user_id
          WHERE m.org_id = ${ledger.orgId} AND u.email LIKE 'crash-%'`,
      )
    ).map((r) => [String(r.user_id), String(r.role)]),
  );
  for (const id of auditedUsers) {
    const want = replayed.get(id) ?? null;
    const got = held.get(id) ?? null;
    if (want !== got)
      violations.push(`member ${id}: audit log says ${want ?? "absent"}, database ${got ?? "absent"}`);
  }

  // Jobs: after the restart nothing is left queued or running; every acknowledged job is there.
  const jobRows = await rows(db, sql`SELECT id, status FROM jobs`);
  const jobStatus = new Map(jobRows.map((j) => [String(j.id), String(j.status)]));
  const jobs: Record<string, number> = {};
  for (const s of jobStatus.values()) jobs[s] = (jobs[s] ?? 0) + 1;
  if ((jobs.queued ?? 0) + (jobs.running ?? 0) > 0)
    violations.push(
      `${(jobs.queued ?? 0) + (jobs.running ?? 0)} job(s) still queued/running after the restart`,
    );

  // Acknowledged answers.
  const grantById = new Map(grantRows.map((g) => [String(g.id), g]));
  for (const ack of ledger.acks) {
    const fail = (what: string) => violations.push(`acknowledged ${ack.kind} lost: ${what}`);
    if (ack.kind === "grant.create" && !grantById.has(ack.id)) fail(`grant ${ack.id} missing`);
    if (ack.kind === "grant.revoke" && grantById.get(ack.id)?.revoked_at == null)
      fail(`grant ${ack.id} not revoked`);
    if ((ack.kind === "member.add" || ack.kind === "member.role") && held.get(ack.userId) !== ack.role)
      fail(`member ${ack.userId} is ${held.get(ack.userId) ?? "absent"}, not ${ack.role}`);
    if (ack.kind === "member.remove" && held.has(ack.userId)) fail(`member ${ack.userId} still present`);
    if (ack.kind === "job.start" && !jobStatus.has(ack.id)) fail(`job ${ack.id} missing`);
    if (ack.kind === "job.cancel" && ack.status === "cancelled" && jobStatus.get(ack.id) !== "cancelled")
      fail(`job ${ack.id} answered cancelled, now ${jobStatus.get(ack.id)}`);
  }

  return {
    violations,
    activeGrants: grantRows
      .filter((g) => g.revoked_at === null)
      .map((g) => ({
        id: String(g.id),
        orgId: String(g.org_id),
        granteeOrgId: String(g.grantee_org_id),
        dataClass: String(g.data_class),
      })),
    members: [...held].map(([userId, role]) => ({ userId, role })),
    jobs,
    imports,
    counts: {
      importedOrgs: n(orgAudit.total),
      grants: grantRows.length,
      memberAudits: audits.length,
      jobs: jobRows.length,
    },
  };
}
