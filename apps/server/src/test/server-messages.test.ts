import { usccCheckChar } from "@clusterbrain/contracts";
import { and, count, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../db/schema/index.ts";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "./fixtures.ts";
import { withTestDatabase } from "./test-database.ts";

const BODY17 = "91330402MA2B3C4D5";
const wrongCheck = (): { code: string; expected: string; got: string } => {
  const expected = usccCheckChar(BODY17)!;
  const got = expected === "0" ? "1" : "0";
  return { code: BODY17 + got, expected, got };
};

describe("server errors carry a key and parameters the web can translate", () => {
  const getDb = withTestDatabase();
  let app: FastifyInstance;
  let owner: Session;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db);
    owner = await login(app, EMAILS.aOwner);
  });
  afterAll(() => app.close());

  const patch = (body: unknown) => call(app, owner, "PATCH", `/api/v1/orgs/${IDS.a}`, body);

  it("a USCC with the wrong check character: key uscc.checkChar with what it is and what it should be", async () => {
    const { code, expected, got } = wrongCheck();
    const res = await patch({ uscc: code });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details).toEqual([
      {
        path: "uscc",
        message: `统一社会信用代码 (uscc) is invalid: check character is "${got}" but should be "${expected}"`,
        key: "uscc.checkChar",
        params: { got, expected },
      },
    ]);
  });

  it("length, alphabet and the generic field rules map to their own keys", async () => {
    const short = (await patch({ uscc: "91330402" })).json().error.details[0];
    expect(short).toMatchObject({ path: "uscc", key: "uscc.length", params: { got: 8 } });
    const letter = (await patch({ uscc: `${BODY17.slice(0, 16)}I0` })).json().error.details[0];
    expect(letter).toMatchObject({ key: "uscc.badChar", params: { char: "I" } });
    const long = (await patch({ nameZh: "名".repeat(201) })).json().error.details[0];
    expect(long).toMatchObject({ path: "nameZh", key: "field.tooLong", params: { max: 200 } });
    const empty = (await patch({ nameEn: "" })).json().error.details[0];
    expect(empty).toMatchObject({ path: "nameEn", key: "field.required" });
    const control = (await patch({ website: "https://a.test/\u0007" })).json().error.details[0];
    expect(control).toMatchObject({ path: "website", key: "field.control" });
    const industry = (await patch({ industryCode: "39/81" })).json().error.details[0];
    expect(industry).toMatchObject({ path: "industryCode", key: "field.industryCode" });
    const year = (await patch({ foundedYear: 1700 })).json().error.details[0];
    expect(year).toMatchObject({ path: "foundedYear", key: "field.tooSmall", params: { min: 1800 } });
  });

  it("saving an unchanged form writes no audit entry; a real change writes one", async () => {
    const { db } = getDb();
    const updates = async () => {
      const [row] = await db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.entityId, IDS.a), eq(auditLog.action, "org.update")));
      return Number(row.n);
    };
    const profile = (await call(app, owner, "GET", `/api/v1/orgs/${IDS.a}`)).json();
    const form = {
      nameZh: profile.nameZh,
      nameEn: profile.nameEn,
      address: profile.address,
      products: profile.products,
      foundedYear: profile.foundedYear,
      contact: profile.contact,
      chainNodeIds: [...profile.chainNodes.map((n: { id: string }) => n.id)].reverse(),
    };
    const before = await updates();
    expect((await patch(form)).statusCode).toBe(200);
    expect(await updates()).toBe(before);
    expect((await patch({ ...form, address: `${profile.address} 1号` })).statusCode).toBe(200);
    expect(await updates()).toBe(before + 1);
  });
});
