// One cycle's batch of writes, fired at once before the kill: organisation imports
// (all-or-nothing), grant creations and revocations, member additions, re-roles and removals,
// job starts and a cancel. Each entity is touched by at most one request of a batch, so every
// 2xx answer names exactly what the database must hold afterwards.
import { DATA_CLASSES } from "@clusterbrain/contracts";
import { fixtureUscc, toCsv } from "../../apps/server/src/modules/imports/fixtures/import-fixtures.ts";
import { headerText, ORG_COLUMNS } from "../../apps/server/src/modules/imports/import.columns.ts";
import { EMAILS, IDS, PASSWORD } from "../../apps/server/src/test/fixtures.ts";
import type { Ack, ImportShot, Report } from "./invariants.ts";

export interface Session {
  cookie: string;
  csrf: string;
}

export interface Sessions {
  operator: Session;
  aOwner: Session;
  bOwner: Session;
  cOwner: Session;
}

interface Shot {
  session: Session;
  method: "POST" | "PATCH" | "DELETE";
  path: string;
  body?: unknown;
  /** What a 2xx answer commits the server to. */
  ack(json: Record<string, unknown>): Ack | undefined;
}

export async function signIn(base: string, email: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${email}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get("set-cookie") ?? "").split(";")[0], csrf: body.csrfToken };
}

export async function signInAll(base: string): Promise<Sessions> {
  return {
    operator: await signIn(base, EMAILS.opAdmin),
    aOwner: await signIn(base, EMAILS.aOwner),
    bOwner: await signIn(base, EMAILS.bOwner),
    cOwner: await signIn(base, EMAILS.cOwner),
  };
}

export async function send(
  base: string,
  s: Session,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = { cookie: s.cookie, "x-csrf-token": s.csrf };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(base + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    json: text.startsWith("{") ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

/** A valid, unique organisation sheet of `rows` rows whose English names carry the marker. */
export function orgSheet(marker: string, rows: number, firstUscc: number): Buffer {
  const keys = ORG_COLUMNS.map((c) => c.key);
  const data = Array.from({ length: rows }, (_, j) => {
    const v: Record<string, string> = {
      uscc: fixtureUscc(firstUscc + j, "330482"),
      kind: "enterprise",
      nameZh: `崩溃测试${marker}第${j}号公司`,
      nameEn: `${marker} row ${j}`,
      district: "海宁市",
      address: `浙江省嘉兴市海宁市崩溃路${j}号`,
      industryCode: "3981",
      sizeBand: "small",
      foundedYear: "2010",
      website: "",
      products: "功率电感|Power inductor",
      chainNodes: "inductor",
    };
    return keys.map((k) => v[k] ?? "");
  });
  return toCsv(ORG_COLUMNS.map(headerText), data);
}

export interface Plan {
  shots: Shot[];
  imports: ImportShot[];
}

const ROLES = ["admin", "member", "viewer"] as const;

/**
 * The batch of cycle `cycle`, drawn from `rng`. `state` is what the last check found (active
 * grants, the bench's members); `cancelJobId` is a job started just before, still unfinished.
 */
export function planBatch(
  cycle: number,
  rng: () => number,
  state: Report,
  s: Sessions,
  cancelJobId: string,
): Plan {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
  const shots: Shot[] = [];
  const imports: ImportShot[] = [];

  for (let k = 0; k < 2; k++) {
    const marker = `crash-c${cycle}-i${k}`;
    const rows = 50 + Math.floor(rng() * 350);
    imports.push({ marker, rows, acked: false });
    const contentBase64 = orgSheet(marker, rows, cycle * 1000 + k * 500).toString("base64");
    shots.push({
      session: s.operator,
      method: "POST",
      path: "/api/v1/imports",
      body: { entity: "orgs", format: "csv", mode: "all-or-nothing", dryRun: false, contentBase64 },
      ack: (j) => (j.committed === true ? { kind: "import", marker, rows } : undefined),
    });
  }

  // Grants: revoke one active grant, create two for (grantor, grantee, class) combinations not active.
  const active = new Set(state.activeGrants.map((g) => `${g.orgId} ${g.granteeOrgId} ${g.dataClass}`));
  if (state.activeGrants.length > 0) {
    const g = pick(state.activeGrants);
    active.add(`${g.orgId} ${g.granteeOrgId} ${g.dataClass}`);
    shots.push({
      session: g.orgId === IDS.a ? s.aOwner : s.bOwner,
      method: "POST",
      path: `/api/v1/grants/${g.id}/revoke`,
      ack: () => ({ kind: "grant.revoke", id: g.id }),
    });
  }
  const grantors = [
    { orgId: IDS.a, session: s.aOwner, grantees: [IDS.b, IDS.c, IDS.d] },
    { orgId: IDS.b, session: s.bOwner, grantees: [IDS.a, IDS.c, IDS.d] },
  ];
  for (let k = 0; k < 2; k++) {
    const grantor = grantors[k];
    const free = grantor.grantees.flatMap((grantee) =>
      DATA_CLASSES.filter((dc) => !active.has(`${grantor.orgId} ${grantee} ${dc}`)).map((dc) => ({
        grantee,
        dc,
      })),
    );
    if (free.length === 0) continue;
    const { grantee, dc } = pick(free);
    active.add(`${grantor.orgId} ${grantee} ${dc}`);
    shots.push({
      session: grantor.session,
      method: "POST",
      path: "/api/v1/grants",
      body: {
        granteeOrgId: grantee,
        dataClass: dc,
        purpose: `crash-c${cycle}-g${k}`,
        expiresAt: "2099-01-01T00:00:00Z",
      },
      ack: (j) => ({ kind: "grant.create", id: String(j.id) }),
    });
  }

  // Members of firm A: add one, re-role one, remove one (distinct members).
  const email = `crash-c${cycle}@a.test`;
  const role = pick(ROLES);
  shots.push({
    session: s.aOwner,
    method: "POST",
    path: "/api/v1/members",
    body: { email, displayName: `Crash ${cycle}`, role, password: "crash-password-123" },
    ack: (j) => ({ kind: "member.add", userId: String(j.userId), role }),
  });
  const members = [...state.members];
  if (members.length > 0) {
    const m = members.splice(Math.floor(rng() * members.length), 1)[0];
    const to = pick(ROLES.filter((r) => r !== m.role));
    shots.push({
      session: s.aOwner,
      method: "PATCH",
      path: `/api/v1/members/${m.userId}`,
      body: { role: to },
      ack: () => ({ kind: "member.role", userId: m.userId, role: to }),
    });
  }
  if (members.length > 3) {
    const m = members[Math.floor(rng() * members.length)];
    shots.push({
      session: s.aOwner,
      method: "DELETE",
      path: `/api/v1/members/${m.userId}`,
      ack: () => ({ kind: "member.remove", userId: m.userId }),
    });
  }

  // Jobs: two short schedule runs (some finish before the kill, some do not) and a cancel.
  for (const session of [s.aOwner, s.bOwner]) {
    const seconds = 1 + Math.floor(rng() * 3);
    shots.push({
      session,
      method: "POST",
      path: "/api/v1/jobs",
      body: {
        kind: "schedule",
        input: {
          instance: { source: "generated", jobs: 8, machines: 5, seed: cycle },
          timeLimitSeconds: seconds,
          seed: cycle,
        },
      },
      ack: (j) => ({ kind: "job.start", id: String(j.id) }),
    });
  }
  shots.push({
    session: s.cOwner,
    method: "POST",
    path: `/api/v1/jobs/${cancelJobId}/cancel`,
    ack: (j) => ({ kind: "job.cancel", id: cancelJobId, status: String(j.status) }),
  });
  return { shots, imports };
}

export interface Fired {
  acks: Ack[];
  statuses: Record<string, number>;
}

/** Fires every shot at once; a request cut by the kill counts as "no answer" (unknown outcome). */
export function fire(base: string, plan: Plan): { done: Promise<Fired> } {
  const acks: Ack[] = [];
  const statuses: Record<string, number> = {};
  const tally = (k: string) => {
    statuses[k] = (statuses[k] ?? 0) + 1;
  };
  const done = Promise.all(
    plan.shots.map(async (shot) => {
      try {
        const res = await send(base, shot.session, shot.method, shot.path, shot.body);
        // An import answered 200 without committing means the bench's own sheet was refused,
        // which would leave the all-or-nothing check with nothing to check.
        if (shot.path === "/api/v1/imports" && res.status === 200 && res.json.committed !== true)
          throw new Error(
            `the bench's import sheet was refused: ${JSON.stringify(res.json.issues).slice(0, 300)}`,
          );
        tally(String(res.status));
        if (res.status >= 200 && res.status < 300) {
          const ack = shot.ack(res.json);
          if (ack) acks.push(ack);
          if (ack?.kind === "import") {
            const imp = plan.imports.find((i) => i.marker === ack.marker);
            if (imp) imp.acked = true;
          }
        }
      } catch (err) {
        if (String(err).includes("import sheet was refused")) throw err;
        tally("no answer");
      }
    }),
  ).then(() => ({ acks, statuses }));
  return { done };
}
