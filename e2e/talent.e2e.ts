import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eApp, startE2eApp } from "./harness/app.harness.ts";
import { demoCredentials } from "./harness/demo-users.ts";
import { screenshot } from "./harness/screenshots.ts";
import { LoginPage } from "./pages/login.page.ts";
import { Shell } from "./pages/shell.page.ts";
import { TalentPage } from "./pages/talent.page.ts";

describe("talent sharing in Chromium", () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  async function signedIn(persona: "owner" | "partner" | "operator") {
    const { context, page } = await app.newPage({ width: 1280, height: 900 });
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(demoCredentials(persona));
    await new Shell(page).waitUntilShown();
    return { context, page };
  }

  it("禾联 requests a secondment of 华磁's 李晓燕 (孙立明, not consenting, is absent) → 华磁's owner approves", async () => {
    const requester = await signedIn("partner");
    const host = await signedIn("owner");
    try {
      const asking = new TalentPage(requester.page);
      await asking.open();
      expect(await asking.poolListsAlso("李晓燕", "孙立明")).toBe(false);
      await asking.requestSecondment("李晓燕", "EMC 整改顾问", "2027-03-01", "2027-05-31");
      await asking.tab("挂职交流");
      expect(await asking.secondmentStatus("李晓燕")).toBe("pending");

      const deciding = new TalentPage(host.page);
      await deciding.open();
      expect(await deciding.poolListsAlso("李晓燕", "孙立明")).toBe(true);
      await deciding.tab("挂职交流");
      await deciding.approve("李晓燕");
      await deciding.waitForSecondment("李晓燕", "approved");
      await screenshot(host.page, "talent-secondment-approved-zh");
    } finally {
      await requester.context.close();
      await host.context.close();
    }
  });

  it("the operator scores the last entry of its SMT competition and the ranking updates", async () => {
    const operator = await signedIn("operator");
    try {
      const talent = new TalentPage(operator.page);
      await talent.open();
      await talent.tab("技能比武");
      await talent.waitForRank("周敏", 1);
      await talent.score("吴强", 90);
      await talent.waitForRank("吴强", 3);
      expect(await talent.rank("陈浩")).toBe("4");
      expect(await talent.rank("王建国")).toBe("2");
      await screenshot(operator.page, "talent-competition-scored-zh");
    } finally {
      await operator.context.close();
    }
  });
  it("华磁's owner records a training of 王建国's studio; 禾联 asks for 王建国 for a project and 华磁 approves", async () => {
    const host = await signedIn("owner");
    const requester = await signedIn("partner");
    try {
      const studio = new TalentPage(host.page);
      await studio.open();
      await studio.tab("技能大师工作室");
      await studio.addTraining("王建国精密绕线技能大师工作室", "2026-12-01", "电感绕线张力控制", 2.5);
      await screenshot(host.page, "talent-studio-training-zh");

      const asking = new TalentPage(requester.page);
      await asking.open();
      await asking.tab("项目用人");
      await asking.requestStaffing("王建国", "车载电感试制", "绕线工艺指导", "2027-02-01", "2027-04-30");

      await studio.tab("项目用人");
      await host.page.reload();
      await host.page.getByTestId("talent-page").waitFor();
      await studio.tab("项目用人");
      await studio.approveStaffing("王建国");
      await screenshot(host.page, "talent-staffing-approved-zh");
    } finally {
      await requester.context.close();
      await host.context.close();
    }
  });
});
