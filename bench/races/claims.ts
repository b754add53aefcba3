// The "only one may win" rules of the API, each as a race: N identical requests fired at once,
// then the answers and the database are checked against what the rule allows.
import { USCC_ALPHABET, usccCheckChar } from "@clusterbrain/contracts";
import { and, eq, isNull, sql } from "drizzle-orm";
import {
  auditLog,
  grants,
  indicators,
  memberships,
  orgs,
  relations,
  users,
} from "../../apps/server/src/db/schema/index.ts";
import { EMAILS, IDS } from "../../apps/server/src/test/fixtures.ts";
import type { FuzzTarget, Session } from "../fuzz/target.ts";

export interface Shot {
  session: Session;
  method: "POST" | "PUT" | "PATCH";
  path: string;
  body?: unknown;
}

export interface Verdict {
  /** What must hold, in words, for the results table. */
  rule: string;
  ok: boolean;
  /** What the database holds afterwards, in words. */
  state: string;
}

export interface Claim {
  name: string;
  /** The unique index or lock the rule rests on, for the results table. */
  guard: string;
  prepare(t: FuzzTarget, n: number): Promise<Shot[]>;
  judge(t: FuzzTarget, statuses: number[]): Promise<Verdict>;
}

const tag = () => Math.random().toString(36).slice(2, 10);

function randomUscc(): string {
  let body = "91330400";
  while (body.length < 17) body += USCC_ALPHABET[Math.floor(Math.random() * USCC_ALPHABET.length)];
  return body + usccCheckChar(body);
}

function count(statuses: number[], pred: (s: number) => boolean): number {
  return statuses.filter(pred).length;
}

const ok2xx = (s: number) => s >= 200 && s < 300;

/** Signs in fresh sessions (a cached role must not skew the race) for the given emails. */
async function sessionsOf(t: FuzzTarget, emails: string[]): Promise<Session[]> {
  const out: Session[] = [];
  for (const e of emails) out.push(await t.signIn(e));
  return out;
}

function alternate<T>(items: T[], n: number): T[] {
  return Array.from({ length: n }, (_, i) => items[i % items.length]);
}

/** Exactly one request of the race may succeed; the rest are refused with 409. */
function exactlyOne(statuses: number[], rows: number, what: string): Verdict {
  const won = count(statuses, ok2xx);
  return {
    rule: "exactly 1×2xx, the rest 409, 1 row",
    ok: won === 1 && rows === 1 && count(statuses, (s) => s === 409) === statuses.length - 1,
    state: `${rows} ${what}`,
  };
}

export const CLAIMS: Claim[] = [
  (() => {
    let email = "";
    return {
      name: "member: two admins add the same new email",
      guard: "users.email unique; memberships (org_id, user_id) primary key",
      async prepare(t, n) {
        email = `race-${tag()}@a.test`;
        const admins = await sessionsOf(t, [EMAILS.aOwner, EMAILS.aAdmin]);
        return alternate(admins, n).map((session) => ({
          session,
          method: "POST",
          path: "/api/v1/members",
          body: { email, displayName: "Race", role: "member", password: "race-password-123" },
        }));
      },
      async judge(t, statuses) {
        const rows = await t.db
          .select({ userId: memberships.userId })
          .from(memberships)
          .innerJoin(users, eq(memberships.userId, users.id))
          .where(eq(users.email, email));
        const n = rows.length;
        return exactlyOne(statuses, n, "membership(s) for the email");
      },
    } satisfies Claim;
  })(),
  (() => {
    let uscc = "";
    return {
      name: "org: the operator registers the same USCC twice",
      guard: "orgs.uscc unique",
      async prepare(t, n) {
        uscc = randomUscc();
        const [op] = await sessionsOf(t, [EMAILS.opAdmin]);
        return alternate([op], n).map((session, i) => ({
          session,
          method: "POST",
          path: "/api/v1/orgs",
          body: { kind: "enterprise", nameZh: `竞速企业${i}`, nameEn: `Race Co ${i}`, uscc },
        }));
      },
      async judge(t, statuses) {
        const rows = await t.db.select({ id: orgs.id }).from(orgs).where(eq(orgs.uscc, uscc));
        return exactlyOne(statuses, rows.length, "org(s) with the USCC");
      },
    } satisfies Claim;
  })(),
  (() => {
    let uscc = "";
    return {
      name: "org: three firms take the same new USCC",
      guard: "orgs.uscc unique",
      async prepare(t, n) {
        uscc = randomUscc();
        const owners = await sessionsOf(t, [EMAILS.aOwner, EMAILS.bOwner, EMAILS.cOwner]);
        return alternate(owners, n).map((session) => ({
          session,
          method: "PATCH",
          path: `/api/v1/orgs/${session.orgId}`,
          body: { uscc },
        }));
      },
      async judge(t, statuses) {
        const rows = await t.db.select({ id: orgs.id }).from(orgs).where(eq(orgs.uscc, uscc));
        // One firm wins (its repeated requests are no-ops and may also answer 200); the others get 409.
        return {
          rule: "1 firm holds the USCC, the other firms 409",
          ok: rows.length === 1 && count(statuses, (s) => !ok2xx(s) && s !== 409) === 0,
          state: `${rows.length} org(s) with the USCC`,
        };
      },
    } satisfies Claim;
  })(),
  {
    name: "grant: owner and admin grant the same class to the same firm",
    guard: "grants_live_key: unique (grantor, grantee, class) where revoked_at is null",
    async prepare(t, n) {
      await t.db.delete(grants).where(and(eq(grants.orgId, IDS.a), eq(grants.granteeOrgId, IDS.d)));
      const admins = await sessionsOf(t, [EMAILS.aOwner, EMAILS.aAdmin]);
      return alternate(admins, n).map((session) => ({
        session,
        method: "POST",
        path: "/api/v1/grants",
        body: {
          granteeOrgId: IDS.d,
          dataClass: "indicators",
          purpose: "race",
          expiresAt: "2099-01-01T00:00:00Z",
        },
      }));
    },
    async judge(t, statuses) {
      const rows = await t.db
        .select({ id: grants.id })
        .from(grants)
        .where(
          and(
            eq(grants.orgId, IDS.a),
            eq(grants.granteeOrgId, IDS.d),
            eq(grants.dataClass, "indicators"),
            isNull(grants.revokedAt),
          ),
        );
      return exactlyOne(statuses, rows.length, "active grant(s)");
    },
  },
  (() => {
    let product = "";
    return {
      name: "relation: three staff record the same relation (some in capitals)",
      guard: "relations_party_product_key: unique (supplier, customer, lower(product))",
      async prepare(t, n) {
        product = `race product ${tag()}`;
        const staff = await sessionsOf(t, [EMAILS.aOwner, EMAILS.aAdmin, EMAILS.aMember]);
        // Every third request shouts the product: the key ignores case, so it is the same relation.
        return alternate(staff, n).map((session, i) => ({
          session,
          method: "POST",
          path: "/api/v1/relations",
          body: {
            supplierOrgId: IDS.a,
            customerOrgId: IDS.c,
            product: i % 3 === 2 ? product.toUpperCase() : product,
            volumeBand: "lt1m",
          },
        }));
      },
      async judge(t, statuses) {
        const rows = await t.db
          .select({ id: relations.id })
          .from(relations)
          .where(sql`lower(${relations.product}) = ${product}`);
        return exactlyOne(statuses, rows.length, "relation(s)");
      },
    } satisfies Claim;
  })(),
  {
    name: "last owner: two owners demote each other",
    guard: "owners row-locked (SELECT … FOR UPDATE) before the last-owner check",
    async prepare(t, n) {
      const [owner] = await sessionsOf(t, [EMAILS.aOwner]);
      const res = await fetch(`${t.base}/api/v1/members/u-${EMAILS.aAdmin}`, {
        method: "PATCH",
        headers: { cookie: owner.cookie, "x-csrf-token": owner.csrf, "content-type": "application/json" },
        body: JSON.stringify({ role: "owner" }),
      });
      if (res.status !== 200)
        throw new Error(`could not make a second owner: ${res.status} ${await res.text()}`);
      const [a, b] = await sessionsOf(t, [EMAILS.aOwner, EMAILS.aAdmin]);
      return Array.from({ length: n }, (_, i) => ({
        session: i % 2 === 0 ? a : b,
        method: "PATCH",
        path: `/api/v1/members/u-${i % 2 === 0 ? EMAILS.aAdmin : EMAILS.aOwner}`,
        body: { role: "admin" },
      }));
    },
    async judge(t, statuses) {
      const owners = await t.db
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.orgId, IDS.a), eq(memberships.role, "owner")));
      return {
        rule: "exactly 1 owner left",
        ok: owners.length === 1 && count(statuses, (s) => s >= 500) === 0,
        state: `${owners.length} owner(s)`,
      };
    },
  },
  {
    name: "indicators: the same year written at once",
    guard: "indicators (org_id, year) primary key, INSERT … ON CONFLICT DO UPDATE",
    async prepare(t, n) {
      const staff = await sessionsOf(t, [EMAILS.aOwner, EMAILS.aAdmin, EMAILS.aMember]);
      return alternate(staff, n).map((session, i) => ({
        session,
        method: "PUT",
        path: `/api/v1/orgs/${IDS.a}/indicators`,
        body: {
          year: 2031,
          revenue: 100 + i,
          rdSpend: 1,
          employees: 10,
          patents: 0,
          energyUse: 1,
          exports: 0,
          fixedAssets: 1,
          profit: 1,
        },
      }));
    },
    async judge(t, statuses) {
      const rows = await t.db
        .select({ year: indicators.year })
        .from(indicators)
        .where(and(eq(indicators.orgId, IDS.a), eq(indicators.year, 2031)));
      return {
        rule: "every request 2xx (last write wins), 1 row",
        ok: rows.length === 1 && count(statuses, ok2xx) === statuses.length,
        state: `${rows.length} row(s) for the year`,
      };
    },
  },
  (() => {
    let grantId = "";
    return {
      name: "grant revoke: the same grant revoked at once",
      guard: "UPDATE … WHERE revoked_at IS NULL RETURNING; audited only when a row changed",
      async prepare(t, n) {
        const admins = await sessionsOf(t, [EMAILS.aOwner, EMAILS.aAdmin]);
        const res = await fetch(`${t.base}/api/v1/grants`, {
          method: "POST",
          headers: {
            cookie: admins[0].cookie,
            "x-csrf-token": admins[0].csrf,
            "content-type": "application/json",
          },
          body: JSON.stringify({
            granteeOrgId: IDS.b,
            dataClass: "relations",
            purpose: `revoke race ${tag()}`,
            expiresAt: "2099-01-01T00:00:00Z",
          }),
        });
        if (res.status !== 200)
          throw new Error(`could not create the grant: ${res.status} ${await res.text()}`);
        grantId = ((await res.json()) as { id: string }).id;
        return alternate(admins, n).map((session) => ({
          session,
          method: "POST",
          path: `/api/v1/grants/${grantId}/revoke`,
        }));
      },
      async judge(t, statuses) {
        const audited = await t.db
          .select({ id: auditLog.id })
          .from(auditLog)
          .where(and(eq(auditLog.entityId, grantId), eq(auditLog.action, "grant.revoke")));
        return {
          rule: "every request 2xx (idempotent), revocation audited once",
          ok: audited.length === 1 && count(statuses, ok2xx) === statuses.length,
          state: `${audited.length} revoke audit entr${audited.length === 1 ? "y" : "ies"}`,
        };
      },
    } satisfies Claim;
  })(),
];
