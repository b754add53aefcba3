import type { Page } from "playwright-core";
import { chooseFirstMatch, chooseOption } from "./select.helper.ts";

export interface NewGrant {
  /** Typed into the grantee picker; the first organisation offered is chosen. */
  granteeSearch: string;
  dataClassLabel: string;
  purpose: string;
  until: string;
}

export class GrantsPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId("grants-page").waitFor();
  }

  /** Fills and submits the new-grant dialog; returns the grantee's name as shown. */
  async create(grant: NewGrant): Promise<string> {
    await this.page.getByTestId("grant-create").click();
    const form = this.page.getByTestId("grant-form");
    await form.waitFor();
    const grantee = await chooseFirstMatch(
      this.page,
      this.page.getByTestId("grant-grantee"),
      grant.granteeSearch,
    );
    await chooseOption(this.page, this.page.getByTestId("grant-data-class"), grant.dataClassLabel);
    await this.page.getByTestId("grant-purpose").fill(grant.purpose);
    await this.page.getByTestId("grant-until").fill(grant.until);
    await this.page.locator(".ant-modal-footer .ant-btn-primary").click();
    await form.waitFor({ state: "detached" });
    return grantee;
  }

  /** Status text of the given grant row whose grantee matches. */
  async givenStatus(granteeName: string): Promise<string> {
    const row = this.page.getByTestId("grants-given").locator("tr", { hasText: granteeName });
    return (await row.getByTestId("grant-status").textContent()) ?? "";
  }

  /** Revokes the given grant whose grantee matches, stating why (the reason is required). */
  async revoke(granteeName: string, reason = "no longer needed"): Promise<void> {
    const row = this.page.getByTestId("grants-given").locator("tr", { hasText: granteeName });
    await row.getByTestId("grant-revoke").click();
    await this.page.getByTestId("grant-revoke-reason").fill(reason);
    await this.page.getByTestId("grant-revoke-ok").click();
    await this.page.getByTestId("grant-revoke-reason").waitFor({ state: "detached" });
  }

  /** The reason shown under a revoked grant, given (`side` "given") or received. */
  async revokeReason(side: "given" | "received", partyName: string): Promise<string> {
    const row = this.page.getByTestId(`grants-${side}`).locator("tr", { hasText: partyName }).first();
    return (await row.getByTestId("grant-revoke-reason-shown").textContent()) ?? "";
  }

  async receivedStatus(grantorName: string): Promise<string> {
    const row = this.page.getByTestId("grants-received").locator("tr", { hasText: grantorName }).first();
    return (await row.getByTestId("grant-status").textContent()) ?? "";
  }
}
