import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zhCN } from "../apps/web/src/i18n/zh-cn.messages.ts";
import { type E2eApp, startE2eApp } from "./harness/app.harness.ts";
import { demoCredentials } from "./harness/demo-users.ts";
import { screenshot } from "./harness/screenshots.ts";
import { AcceptInvitationPage, InvitationsPanel, OrgSwitcher } from "./pages/invitations.page.ts";
import { LoginPage } from "./pages/login.page.ts";
import { MembersPage } from "./pages/members.page.ts";
import { Shell } from "./pages/shell.page.ts";

describe("invitations by link in Chromium", () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("Must show: the owner creates an invitation → a new user opens the link, registers and lands in the org", async () => {
    const owner = await app.newPage();
    const invitee = await app.newPage();
    const again = await app.newPage();
    try {
      // The owner signs in and invites a new email as a member.
      const { page } = owner;
      const shell = new Shell(page);
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(demoCredentials("owner"));
      await shell.waitUntilShown();
      const orgName = ((await page.getByTestId("shell-org").textContent()) ?? "").trim();
      expect(orgName).not.toBe("");
      await shell.navigate("members");
      const members = new MembersPage(page);
      await members.waitUntilShown();
      const panel = new InvitationsPanel(page);
      await panel.waitUntilShown();
      const email = `invitee-${Date.now().toString(36)}@example.test`;
      const link = await panel.invite(email, "成员");
      expect(link).toMatch(new RegExp(`^${app.baseUrl}/invite/[A-Za-z0-9_-]{40,}$`));
      await panel.pendingRow(email).waitFor();
      await screenshot(page, "inv-1-owner-invited");

      // A new user opens the link (no session), sees the org and role, registers.
      const accept = new AcceptInvitationPage(invitee.page);
      await accept.open(link);
      const summary = await accept.summary();
      expect(summary).toContain(orgName);
      expect(summary).toContain("成员");
      expect(await invitee.page.getByTestId("invite-email-shown").textContent()).toBe(email);
      await screenshot(invitee.page, "inv-2-invite-page");
      await accept.register("受邀新人", "invitee passphrase 2026");

      // …and lands in the app, signed in to the owner's org as a member.
      const inviteeShell = new Shell(invitee.page);
      await inviteeShell.waitUntilShown();
      await invitee.page.waitForURL(`${app.baseUrl}/`);
      expect(((await invitee.page.getByTestId("shell-org").textContent()) ?? "").trim()).toBe(orgName);
      expect(await invitee.page.getByTestId("shell-user").textContent()).toContain("受邀新人");
      expect(await invitee.page.getByTestId("shell-user").textContent()).toContain("成员");
      await screenshot(invitee.page, "inv-3-invitee-in-org");

      // The owner sees the new member, and the invitation is no longer pending.
      await page.reload();
      await members.waitUntilShown();
      expect(await members.waitForRole(email, "成员")).toBe("成员");
      await panel.waitUntilShown();
      expect(await panel.pendingRow(email).count()).toBe(0);

      // The link was single-use: opening it again explains why it no longer works.
      const reused = new AcceptInvitationPage(again.page);
      await reused.open(link);
      expect(await reused.problem()).toBe(zhCN["invite.reason.INVITATION_USED"]);
    } finally {
      await owner.context.close();
      await invitee.context.close();
      await again.context.close();
    }
  });

  it("an existing account (the operator's admin) signs in from the link, accepts, and then switches between its two orgs", async () => {
    const owner = await app.newPage();
    const guest = await app.newPage();
    try {
      const login = new LoginPage(owner.page);
      const shell = new Shell(owner.page);
      await login.goto();
      await login.signIn(demoCredentials("owner"));
      await shell.waitUntilShown();
      const ownerOrgId = (await (await owner.context.request.get("/api/v1/auth/me")).json()).org.id as string;
      await shell.navigate("members");
      const panel = new InvitationsPanel(owner.page);
      await panel.waitUntilShown();
      const operator = demoCredentials("operator");
      const link = await panel.invite(operator.email, "访客");

      // Not signed in yet: the page says the account exists and offers to sign in, then comes back.
      const accept = new AcceptInvitationPage(guest.page);
      await accept.open(link);
      await accept.signInFirst();
      await new LoginPage(guest.page).signIn(operator);
      await guest.page.getByTestId("invite-accept").waitFor();
      const operatorOrgId = (await (await guest.context.request.get("/api/v1/auth/me")).json()).org
        .id as string;
      expect(operatorOrgId).not.toBe(ownerOrgId);
      await accept.acceptSignedIn();

      // Now a viewer of the owner's org, with the switcher in the header (two memberships).
      const guestShell = new Shell(guest.page);
      await guestShell.waitUntilShown();
      const switcher = new OrgSwitcher(guest.page);
      await guest.page.getByTestId("org-switcher").waitFor();
      expect(await switcher.currentOrgId()).toBe(ownerOrgId);
      expect(await guest.page.getByTestId("shell-user").textContent()).toContain("访客");
      const before = (await guest.context.cookies()).find((c) => c.name === "cb_session")?.value;
      await screenshot(guest.page, "inv-4-switcher");

      // Switching back to the operator's org replaces the session cookie and restores the operator's view.
      await switcher.switchTo(operatorOrgId);
      await guestShell.waitUntilShown();
      await guest.page.getByTestId("org-switcher").waitFor();
      expect(await switcher.currentOrgId()).toBe(operatorOrgId);
      expect(await guest.page.getByTestId("shell-user").textContent()).toContain("集群运营方");
      const after = (await guest.context.cookies()).find((c) => c.name === "cb_session")?.value;
      expect(after).toBeDefined();
      expect(after).not.toBe(before);
      const me = await (await guest.context.request.get("/api/v1/auth/me")).json();
      expect(me).toMatchObject({ org: { id: operatorOrgId }, isOperator: true });
      expect(me.memberships).toHaveLength(2);
    } finally {
      await owner.context.close();
      await guest.context.close();
    }
  });
});
