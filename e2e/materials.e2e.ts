import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eApp, startE2eApp } from "./harness/app.harness.ts";
import { demoCredentials } from "./harness/demo-users.ts";
import { LoginPage } from "./pages/login.page.ts";
import { MaterialsPage } from "./pages/materials.page.ts";
import { Shell } from "./pages/shell.page.ts";

const NEED = "PQ32/30 MnZn ferrite core, N87 grade, for power inductors";
const OFFER = "MnZn ferrite core PQ32/30 N87 surplus stock";
const ROUND = "2.54 mm 连接器集采";

describe("materials in Chromium", () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("a firm posts a need → sees a ranked offer with reasons → joins a pooled round that then shows (3 firms)", async () => {
    const { context, page } = await app.newPage({ width: 1280, height: 900 });
    try {
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(demoCredentials("owner")); // 华磁
      await new Shell(page).waitUntilShown();

      // 1. Post a need for ferrite cores.
      const materials = new MaterialsPage(page);
      await materials.goto();
      await materials.postNeed("磁芯", NEED, 10000, "pcs", "2099-03-31");

      // 2. Its matches: 和联's offer ranks first, with a reason per feature.
      await materials.openMatches(NEED);
      const first = materials.matches().first();
      expect(await first.textContent()).toContain(OFFER);
      for (const feature of ["category", "spec", "quantity", "date", "distance"])
        expect(await first.locator(`[data-feature="${feature}"]`).count()).toBe(1);
      expect(await first.locator('[data-feature="spec"]').textContent()).toMatch(/[1-9]\d*%/);
      await materials.closeDrawer();

      // 3. The connector round of two firms is withheld; 华磁 joins as the third and it shows.
      await materials.openPool();
      const round = materials.round(ROUND);
      expect(await round.getByTestId("round-firms").getAttribute("data-suppressed")).toBe("true");
      expect(await materials.round("漆包铜线联合采购").getByTestId("round-firms").textContent()).toBe("3");
      await materials.joinRound(ROUND, 5000);
      expect(await round.getByTestId("round-firms").getAttribute("data-suppressed")).toBe("false");
      expect(await round.getByTestId("round-firms").textContent()).toBe("3");
      expect(await round.getByTestId("round-total").textContent()).toBe("35000");
    } finally {
      await context.close();
    }
  });
});
