import type { Locator, Page } from "playwright-core";
import { chooseOption } from "./select.helper.ts";

export interface NewMember {
  email: string;
  displayName: string;
  roleLabel: string;
  password: string;
}

/** The Members screen (成员): list, add dialog, per-row role Select and remove Popconfirm. */
export class MembersPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId("members-page").waitFor();
    await this.page.getByTestId("members-table").locator("tbody tr").first().waitFor();
  }

  row(email: string): Locator {
    return this.page.getByTestId("members-table").locator("tr", { hasText: email });
  }

  async add(member: NewMember): Promise<void> {
    await this.page.getByTestId("member-add").click();
    const form = this.page.getByTestId("member-form");
    await form.waitFor();
    await this.page.getByTestId("member-email").fill(member.email);
    await this.page.getByTestId("member-display-name").fill(member.displayName);
    await chooseOption(this.page, this.page.getByTestId("member-role"), member.roleLabel);
    await this.page.getByTestId("member-password").fill(member.password);
    await this.page.locator(".ant-modal-footer .ant-btn-primary").click();
    await form.waitFor({ state: "detached" });
    await this.row(member.email).waitFor();
  }

  /** The role tag's text once it shows `expected` (waits for the list to reload). */
  async waitForRole(email: string, expected: string): Promise<string> {
    const tag = this.row(email).getByTestId("member-role-tag").filter({ hasText: expected });
    await tag.waitFor();
    return (await tag.textContent()) ?? "";
  }

  async changeRole(email: string, roleLabel: string): Promise<void> {
    await chooseOption(this.page, this.row(email).getByTestId("member-role-select"), roleLabel);
  }

  async remove(email: string): Promise<void> {
    await this.row(email).getByTestId("member-remove").click();
    await this.page.locator(".ant-popconfirm:visible .ant-btn-primary").click();
    await this.row(email).waitFor({ state: "detached" });
  }
}
