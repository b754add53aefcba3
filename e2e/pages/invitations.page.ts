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
