import { usccCheckChar } from "@clusterbrain/contracts";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../app.ts";
import { hashPassword } from "../auth/secrets.ts";
import type { Database } from "../db/database.ts";
import {
  chainLinks,
  chainNodes,
  grants,
  indicators,
  memberships,
  orgChainNodes,
  orgs,
  relations,
  users,
} from "../db/schema/index.ts";
import type { SecuritySettings } from "../modules/module.ts";
import { rebuildSearchTokens } from "../modules/orgs/org.service.ts";

/** A valid 统一社会信用代码 from a 17-character body (check character computed). */
export function uscc(body17: string): string {
  return body17 + usccCheckChar(body17);
}

export const PASSWORD = "correct horse battery staple";

/** Strings that exist only in firm B's private data: finding one in A's responses is a leak. */
export const B_SECRETS = {
  phone: "0573-SECRET-B-PHONE",
  equipment: "SECRET-B-EQUIPMENT-SMT-LINE",
  product: "SECRET-B-RELATION-PRODUCT",
  purpose: "SECRET-B-GRANT-PURPOSE",
  revenue: 987654.321,
};

export const IDS = {
  operator: "org-operator",
  a: "org-a",
  b: "org-b",
  c: "org-c",
  d: "org-d",
  relationBC: "rel-b-c",
  relationAC: "rel-a-c",
  grantBC: "grant-b-c",
};

export const EMAILS = {
  aOwner: "owner@a.test",
  aAdmin: "admin@a.test",
  aMember: "member@a.test",
  aViewer: "viewer@a.test",
  bOwner: "owner@b.test",
  cOwner: "owner@c.test",
  opAdmin: "admin@operator.test",
};

/**
 * A small cluster for medium tests: operator + firms A–D on a three-node chain (ferrite →
 * inductor → monitor), relations B→C and A→C, indicators for A–C over two years, and a grant
 * B→C of B's indicators.
 */
export async function seedCluster(db: Database): Promise<void> {
  await db.insert(chainNodes).values([
    {
      id: "n-ferrite",
      code: "ferrite",
      nameZh: "软磁铁氧体",
      nameEn: "Soft ferrite",
      stage: 1,
      sortOrder: 0,
    },
    {
      id: "n-inductor",
      code: "inductor",
      nameZh: "功率电感",
      nameEn: "Power inductors",
      stage: 2,
      sortOrder: 0,
    },
    {
      id: "n-monitor",
      code: "monitor",
      nameZh: "医疗监护仪",
      nameEn: "Patient monitors",
      stage: 3,
      sortOrder: 0,
    },
  ]);
  await db.insert(chainLinks).values([
    { fromNodeId: "n-ferrite", toNodeId: "n-inductor" },
    { fromNodeId: "n-inductor", toNodeId: "n-monitor" },
  ]);
  const firm = (id: string, nameZh: string, nameEn: string, code: string, district: string) => ({
    id,
    kind: "enterprise" as const,
    nameZh,
    nameEn,
    uscc: uscc(`91330400MA2${code}`),
    district,
    industryCode: "C3981",
    sizeBand: "small" as const,
  });
  await db.insert(orgs).values([
    {
      id: IDS.operator,
      kind: "operator",
      nameZh: "嘉兴电子产业集群运营中心",
      nameEn: "Jiaxing Cluster Operator",
      uscc: null,
    },
    {
      ...firm(IDS.a, "嘉兴甲磁电感有限公司", "Jiaxing Alpha Inductor Co., Ltd.", "AAAA01", "南湖区"),
      products: [{ zh: "贴片功率电感", en: "SMD power inductor" }],
      contactPhone: "0573-A-PHONE",
    },
    {
      ...firm(IDS.b, "嘉兴乙电子科技有限公司", "Jiaxing Beta Electronics Co., Ltd.", "BBBB02", "秀洲区"),
      products: [{ zh: "共模电感", en: "Common-mode choke" }],
      keyEquipment: [{ name: B_SECRETS.equipment, count: 2 }],
      contactName: "乙经理",
      contactPhone: B_SECRETS.phone,
      contactEmail: "secret-b@b.test",
    },
    {
      ...firm(IDS.c, "嘉兴丙医疗设备有限公司", "Jiaxing Gamma Medical Devices Co., Ltd.", "CCCC03", "南湖区"),
      products: [{ zh: "多参数监护仪", en: "Multi-parameter patient monitor" }],
    },
    {
      ...firm(IDS.d, "嘉兴丁磁性材料有限公司", "Jiaxing Delta Magnetics Co., Ltd.", "DDDD04", "平湖市"),
      products: [{ zh: "锰锌铁氧体磁芯", en: "MnZn ferrite core" }],
    },
  ]);
  await db.insert(orgChainNodes).values([
    { orgId: IDS.a, nodeId: "n-inductor" },
    { orgId: IDS.b, nodeId: "n-inductor" },
    { orgId: IDS.c, nodeId: "n-monitor" },
    { orgId: IDS.d, nodeId: "n-ferrite" },
  ]);
  await db.insert(relations).values([
    {
      id: IDS.relationBC,
      orgId: IDS.b,
      supplierOrgId: IDS.b,
      customerOrgId: IDS.c,
      nodeId: "n-inductor",
      product: B_SECRETS.product,
      volumeBand: "1m-10m",
    },
    {
      id: IDS.relationAC,
      orgId: IDS.a,
      supplierOrgId: IDS.a,
      customerOrgId: IDS.c,
      nodeId: "n-inductor",
      product: "power inductors",
      volumeBand: "lt1m",
    },
  ]);
  const ind = (orgId: string, year: number, revenue: number) => ({
    orgId,
    year,
    revenue,
    rdSpend: 10,
    employees: 100,
    patents: 1,
    energyUse: 50,
    exports: 5,
    fixedAssets: 100,
    profit: 20,
  });
  // 2023: three firms report (aggregates shown); 2024: only A and B (aggregates suppressed).
  await db
    .insert(indicators)
    .values([
      ind(IDS.a, 2023, 1000),
      ind(IDS.b, 2023, B_SECRETS.revenue),
      ind(IDS.c, 2023, 3000),
      ind(IDS.a, 2024, 1100),
      ind(IDS.b, 2024, 2200),
    ]);
  const hash = await hashPassword(PASSWORD);
  const people: [string, string, "owner" | "admin" | "member" | "viewer"][] = [
    [EMAILS.aOwner, IDS.a, "owner"],
    [EMAILS.aAdmin, IDS.a, "admin"],
    [EMAILS.aMember, IDS.a, "member"],
    [EMAILS.aViewer, IDS.a, "viewer"],
    [EMAILS.bOwner, IDS.b, "owner"],
    [EMAILS.cOwner, IDS.c, "owner"],
    [EMAILS.opAdmin, IDS.operator, "admin"],
  ];
  await db
    .insert(users)
    .values(people.map(([email]) => ({ id: `u-${email}`, email, displayName: email, passwordHash: hash })));
  await db
    .insert(memberships)
    .values(people.map(([email, orgId, role]) => ({ orgId, userId: `u-${email}`, role })));
  await db.insert(grants).values({
    id: IDS.grantBC,
    orgId: IDS.b,
    granteeOrgId: IDS.c,
    dataClass: "indicators",
    purpose: B_SECRETS.purpose,
    expiresAt: new Date(Date.now() + 30 * 86_400_000),
  });
  await rebuildSearchTokens(db);
}

export async function testApp(
  db: Database,
  opts: { security?: Partial<SecuritySettings>; now?: () => Date } = {},
) {
  const app = await buildApp({
    db,
    sessionSecret: "test-secret-0123456789-0123456789-abcdef",
    logLevel: "silent",
    ...opts,
  });
  await app.ready();
  return app;
}

export interface Session {
  cookie: string;
  csrf: string;
  orgId: string;
}

export async function login(app: FastifyInstance, email: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
  const raw = res.headers["set-cookie"];
  const header = Array.isArray(raw) ? raw[0] : String(raw);
  const body = res.json() as { csrfToken: string; org: { id: string } };
  return { cookie: header.split(";")[0], csrf: body.csrfToken, orgId: body.org.id };
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** An authenticated inject with the session cookie and, for writes, the CSRF header. */
export function call(app: FastifyInstance, s: Session, method: Method, url: string, payload?: unknown) {
  const write = method !== "GET";
  return app.inject({
    method,
    url,
    headers: { cookie: s.cookie, ...(write ? { "x-csrf-token": s.csrf } : {}) },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** A fresh API token of `email`'s user (signed in first), for tests that call with a Bearer header. */
export async function apiToken(app: FastifyInstance, email: string, name: string): Promise<string> {
  const s = await login(app, email);
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/auth/tokens",
    headers: { cookie: s.cookie, "x-csrf-token": s.csrf },
    payload: { name },
  });
  if (res.statusCode !== 200) throw new Error(`token for ${email} failed: ${res.statusCode} ${res.body}`);
  return res.json().token;
}
