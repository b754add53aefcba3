import { readdirSync, readFileSync } from "node:fs";
import { DATA_CLASSES, ORG_KINDS, ROLES, SIZE_BANDS, VOLUME_BANDS } from "@clusterbrain/contracts";
import { describe, expect, it } from "vitest";
import { grants, invitations, memberships, orgs, relations } from "./index.ts";

describe("enums live in packages/contracts only", () => {
  it("the database columns take their allowed values from the contracts", () => {
    expect(orgs.kind.enumValues).toEqual([...ORG_KINDS]);
    expect(orgs.sizeBand.enumValues).toEqual([...SIZE_BANDS]);
    expect(memberships.role.enumValues).toEqual([...ROLES]);
    expect(invitations.role.enumValues).toEqual([...ROLES]);
    expect(grants.dataClass.enumValues).toEqual([...DATA_CLASSES]);
    expect(relations.volumeBand.enumValues).toEqual([...VOLUME_BANDS]);
  });

  it("no schema file declares its own list of values", () => {
    const dir = new URL(".", import.meta.url);
    const own = readdirSync(dir)
      .filter((f) => f.endsWith(".schema.ts"))
      .filter((f) => /export const [A-Z_]+ = \[/.test(readFileSync(new URL(f, dir), "utf8")));
    expect(own).toEqual([]);
  });
});
