import type { Locator, Page } from "playwright-core";
import { chooseOption } from "./select.helper.ts";

/** The invitations part of the Members screen: invite dialog (one-time link) and pending list. */
export class InvitationsPanel {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId("invitations-panel").waitFor();
  }

  pendingRow(email: string): Locator {
    return this.page.getByTestId("invitations-table").locator("tr", { hasText: email });
  }

  /** Creates an invitation and returns the link the dialog shows once. */
  async invite(email: string, roleLabel: string): Promise<string> {
    await this.page.getByTestId("invite-open").click();
    await this.page.getByTestId("invite-form").waitFor();
    await this.page.getByTestId("invite-email").fill(email);
    await chooseOption(this.page, this.page.getByTestId("invite-role"), roleLabel);
    await this.page.locator(".ant-modal-footer .ant-btn-primary").click();
    const link = this.page.getByTestId("invite-link");
    await link.waitFor();
    const text = (await link.locator("code").textContent()) ?? "";
    await this.page.locator(".ant-modal-footer .ant-btn-primary").click();
    await link.waitFor({ state: "detached" });
    return text.trim();
  }
}

/** The public page behind an invitation link. */
export class AcceptInvitationPage {
  constructor(private readonly page: Page) {}

  async open(link: string): Promise<void> {
    await this.page.goto(link);
    await this.page.getByTestId("invite-card").waitFor();
  }

  async summary(): Promise<string> {
    const title = this.page.getByTestId("invite-summary");
    await title.waitFor();
    return (await title.textContent()) ?? "";
  }

  /** The invited email has an account: sign in from the page (login comes back here). */
  async signInFirst(): Promise<void> {
    await this.page.getByTestId("invite-sign-in").click();
    await this.page.getByTestId("login-card").waitFor();
  }

  async acceptSignedIn(): Promise<void> {
    await this.page.getByTestId("invite-accept").click();
  }

  async register(displayName: string, password: string): Promise<void> {
    await this.page.getByTestId("invite-display-name").fill(displayName);
    await this.page.getByTestId("invite-password").fill(password);
    await this.page.getByTestId("invite-password-confirm").fill(password);
    await this.page.getByTestId("invite-accept").click();
  }

  /** The explanation shown for a link that cannot be used. */
  async problem(): Promise<string> {
    const text = this.page.getByTestId("invite-problem");
    await text.waitFor();
    return (await text.textContent()) ?? "";
  }
}

/** The header's organisation switcher (shown only with two or more memberships). */
export class OrgSwitcher {
  constructor(private readonly page: Page) {}

  async isShown(): Promise<boolean> {
    return this.page.getByTestId("org-switcher").isVisible();
  }

  /** The id of the org currently selected (its label carries `org-option-<id>`). */
  async currentOrgId(): Promise<string> {
    const label = this.page.getByTestId("org-switcher").locator('[data-testid^="org-option-"]').first();
    return ((await label.getAttribute("data-testid")) ?? "").replace("org-option-", "");
  }

  /** Picks another org; the app reloads at / acting for it. */
  async switchTo(orgId: string): Promise<void> {
    await this.page.getByTestId("org-switcher").click();
    await this.page.locator(`.ant-select-dropdown:visible [data-testid="org-option-${orgId}"]`).click();
    await this.page.waitForURL((url) => url.pathname === "/");
  }
}
