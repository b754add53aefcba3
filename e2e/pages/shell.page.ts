import type { Page } from "playwright-core";

export type NavKey =
  | "dashboard"
  | "directory"
  | "chain"
  | "my-org"
  | "members"
  | "grants"
  | "imports"
  | "jobs"
  | "planning"
  | "scheduling"
  | "devices"
  | "alarms"
  | "oee"
  | "audit";

/** The signed-in frame: menu (sider or drawer), language switch, logout. */
export class Shell {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId("app-shell").waitFor();
  }

  /** Opens a screen from the menu; on narrow screens the menu lives in a drawer behind a button. */
  async navigate(key: NavKey): Promise<void> {
    const toggle = this.page.getByTestId("menu-toggle");
    if (await toggle.isVisible()) await toggle.click();
    await this.page.getByTestId(`nav-${key}`).click();
  }

  async menuToggleVisible(): Promise<boolean> {
    return this.page.getByTestId("menu-toggle").isVisible();
  }

  async siderVisible(): Promise<boolean> {
    return this.page.getByTestId("sider").isVisible();
  }

  async navLabel(key: NavKey): Promise<string> {
    return (await this.page.getByTestId(`nav-${key}`).textContent()) ?? "";
  }

  async switchLanguage(): Promise<void> {
    await this.page.getByTestId("language-switch").click();
  }

  async logout(): Promise<void> {
    await this.page.getByTestId("logout").click();
    await this.page.getByTestId("login-card").waitFor();
  }
}
