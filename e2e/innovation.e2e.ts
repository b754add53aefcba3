import { addUser } from "@clusterbrain/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eApp, startE2eApp } from "./harness/app.harness.ts";
import { type Credentials, demoCredentials } from "./harness/demo-users.ts";
import { InnovationPage, ProjectPage } from "./pages/innovation.page.ts";
import { LoginPage } from "./pages/login.page.ts";
import { Shell } from "./pages/shell.page.ts";

// A researcher of 嘉兴学院 (the demo has firm personas only): added the way `clusterbrain user add` does.
const RESEARCHER: Credentials = { email: "researcher@zjxu.demo", password: "Magnetics-Lab-2025!" };
const UNIVERSITY = "org-uni-zjxu";
const CAPABILITY = "Finite element simulation of magnetic components";
const DEMAND = "功率电感与变压器磁芯损耗、温升仿真合作";

describe("innovation hub in Chromium", () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
    await addUser(app.server.db.db, {
      ...RESEARCHER,
      org: UNIVERSITY,
      role: "member",
      displayName: "嘉兴学院 研究员",
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  async function signedIn(credentials: Credentials) {
    const { context, page } = await app.newPage({ width: 1280, height: 900 });
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(credentials);
    await new Shell(page).waitUntilShown();
    return { context, page };
  }

  it("Must show: a firm posts a demand → a university sees it ranked with reasons → contacts → joint project → milestone done; a third firm gets 404", async () => {
    const firm = await signedIn(demoCredentials("owner")); // 华磁
    const university = await signedIn(RESEARCHER);
    const third = await signedIn(demoCredentials("partner")); // 和联, not in the project
    try {
      // 1. The firm posts a technology demand in Chinese.
      const firmHub = new InnovationPage(firm.page);
      await firmHub.goto();
      await firmHub.post(
        "demand",
        DEMAND,
        "需要高校支持一体成型功率电感的磁芯损耗与温升有限元仿真。",
        "电感, 变压器, 磁芯, 仿真",
      );

      // 2. The university opens the matches of its English capability: the demand ranks first, with reasons.
      const uniHub = new InnovationPage(university.page);
      await uniHub.goto();
      await uniHub.showMine();
      await uniHub.openMatches(CAPABILITY);
      expect(await uniHub.rankOf(DEMAND)).toBe(1);
      const match = uniHub.match(DEMAND);
      await match.locator('[data-feature="keywords"]').waitFor();
      for (const concept of ["inductor", "simulation", "transformer"])
        expect(await match.locator(`[data-term="${concept}"]`).count()).toBe(1);
      expect(await match.getByTestId("innovation-terms").textContent()).toContain("transformer ↔ 变压器");

      // 3. It contacts the firm through the platform.
      await uniHub.contact(DEMAND, "我们的磁性元件仿真平台可以支持，欢迎联合申报项目。");
      await uniHub.closeDrawer();

      // 4. A joint project is opened from the contact, with both as members.
      const projectId = await uniHub.openProjectFromSentContact(DEMAND, "磁性元件损耗仿真联合项目");
      expect(projectId).not.toBe("");
      const uniProject = new ProjectPage(university.page);
      const members = await uniProject.memberNames();
      expect(members.some((n) => n.includes("嘉兴学院"))).toBe(true);
      expect(members.some((n) => n.includes("华磁"))).toBe(true);

      // 5. A milestone is added and completed; the firm sees it done on its side.
      await uniProject.addMilestone("仿真模型与实测对比", "2027-03-31");
      await uniProject.completeMilestone("仿真模型与实测对比");
      const firmProject = new ProjectPage(firm.page);
      await firmProject.goto(projectId);
      await firmProject.waitUntilShown();
      await firm.page
        .locator('[data-testid="innovation-milestone"][data-status="done"]')
        .filter({ hasText: "仿真模型与实测对比" })
        .waitFor();

      // 6. A third firm: the project's URL answers 404, on the page and from the API.
      const thirdProject = new ProjectPage(third.page);
      await thirdProject.goto(projectId);
      await thirdProject.waitUntilMissing();
      const api = await third.page.request.get(`/api/v1/innovation/projects/${projectId}`);
      expect(api.status()).toBe(404);
    } finally {
      await Promise.all([firm.context.close(), university.context.close(), third.context.close()]);
    }
  });
});
