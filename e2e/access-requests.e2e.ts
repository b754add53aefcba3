import { DEFAULT_DEMO_SEED, type DemoPersona, FIRM_A_KEY, generateDemoCluster } from "@clusterbrain/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eApp, startE2eApp } from "./harness/app.harness.ts";
import { demoCredentials } from "./harness/demo-users.ts";
import { screenshot } from "./harness/screenshots.ts";
import {
  AccessRequestsPanel,
  NotificationCentre,
  RequestAccessDialog,
} from "./pages/access-requests.page.ts";
import { GrantsPage } from "./pages/grants.page.ts";
import { LoginPage } from "./pages/login.page.ts";
import { ProfilePage } from "./pages/profile.page.ts";
import { Shell } from "./pages/shell.page.ts";

const cluster = generateDemoCluster(DEFAULT_DEMO_SEED);
const orgOf = (persona: DemoPersona) => {
  const key = cluster.users.find((u) => u.persona === persona)?.orgKey;
  const org = cluster.orgs.find((o) => o.key === key);
  if (!org) throw new Error(`no demo org for ${persona}`);
  return org;
};

// Sharing that can be asked for, in the browser, as the two firms would do it.
describe("access requests in Chromium", () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  async function signedIn(persona: DemoPersona) {
    const { context, page } = await app.newPage({ width: 1280, height: 900 });
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(demoCredentials(persona));
    await new Shell(page).waitUntilShown();
    return { context, page };
  }

  it("Must show: a firm requests access → the owner approves → the requester sees the data → the owner revokes with a reason", async () => {
    const owner = orgOf("owner"); // 华磁, the data owner
    const partner = orgOf("partner"); // 和联, who asks
    expect(owner.key).toBe(FIRM_A_KEY);
    const asker = await signedIn("partner");
    const holder = await signedIn("owner");
    try {
      // 1. The partner opens 华磁's profile: no access to its indicators, so it asks.
      const profile = new ProfilePage(asker.page);
      const request = new RequestAccessDialog(asker.page);
      await asker.page.goto(`/orgs/${owner.key}`);
      await profile.waitUntilShown();
      await request.openIndicators();
      expect(await request.noAccessShown()).toBe(true);
      await request.request("评估长期供货能力，安排年度采购");
      expect(await request.requestButtonText()).toContain("已申请");

      // 2. The owner is notified (live or on next load) and approves on the grants screen.
      const bell = new NotificationCentre(holder.page);
      await holder.page.goto("/grants");
      const grants = new GrantsPage(holder.page);
      await grants.waitUntilShown();
      await expect.poll(() => bell.unread(), { timeout: 20_000 }).toBeGreaterThan(0);
      expect((await bell.texts()).some((t) => t.includes(partner.nameZh))).toBe(true);
      const panel = new AccessRequestsPanel(holder.page);
      expect(await panel.status("incoming", partner.nameZh, "经营指标")).toBe("待答复");
      await panel.approve(partner.nameZh, "经营指标");
      expect(await panel.status("incoming", partner.nameZh, "经营指标")).toBe("已同意");
      expect(await grants.givenStatus(partner.nameZh)).toBe("生效中");
      await screenshot(holder.page, "sharing-grants-approved-zh");

      // 3. The partner now sees 华磁's indicators, marked as read through a grant.
      await asker.page.goto(`/orgs/${owner.key}`);
      await profile.waitUntilShown();
      await request.openIndicators();
      expect(await request.indicatorsChartShown()).toBe(true);
      await asker.page.getByText("通过数据授权查看").waitFor();

      // 4. The owner revokes, saying why; both sides see the reason, and the data is closed again.
      await grants.revoke(partner.nameZh, "合作项目已结束");
      await expect.poll(() => grants.givenStatus(partner.nameZh)).toBe("已撤销");
      expect(await grants.revokeReason("given", partner.nameZh)).toContain("合作项目已结束");
      await asker.page.goto("/grants");
      const askerGrants = new GrantsPage(asker.page);
      await askerGrants.waitUntilShown();
      expect(await askerGrants.receivedStatus(owner.nameZh)).toBe("已撤销");
      expect(await askerGrants.revokeReason("received", owner.nameZh)).toContain("合作项目已结束");
      expect(await new AccessRequestsPanel(asker.page).status("outgoing", owner.nameZh, "经营指标")).toBe(
        "已同意",
      );
      await screenshot(asker.page, "sharing-grants-revoked-zh");
      await asker.page.goto(`/orgs/${owner.key}`);
      await profile.waitUntilShown();
      await request.openIndicators();
      expect(await request.noAccessShown()).toBe(true);
    } finally {
      await asker.context.close();
      await holder.context.close();
    }
  });

  it("the demo ships with sharing: a new owner sees grants given and received and a request waiting", async () => {
    const { context, page } = await signedIn("owner");
    try {
      await page.goto("/grants");
      const grants = new GrantsPage(page);
      await grants.waitUntilShown();
      const rows = (side: "given" | "received") =>
        page.getByTestId(`grants-${side}`).locator("tbody tr.ant-table-row");
      // Wait for the list to arrive before counting (an empty table is also drawn while loading).
      await rows("given").first().waitFor();
      await rows("received").first().waitFor();
      const given = await rows("given").count();
      const received = await rows("received").count();
      expect(given).toBeGreaterThan(0);
      expect(received).toBeGreaterThan(0);
      const pending = page.getByTestId("access-requests-incoming").getByTestId("access-request-approve");
      await pending.first().waitFor();
      expect(await pending.count()).toBeGreaterThan(0);
      await page.getByTestId("language-switch").click();
      await page.getByTestId("access-requests-incoming").getByText("Approve").first().waitFor();
      await screenshot(page, "sharing-grants-en");
    } finally {
      await context.close();
    }
  });
});
