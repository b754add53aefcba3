import type { Page } from "playwright-core";

/** Access requests on the grants screen: incoming (the owner decides) and outgoing (the asker waits). */
export class AccessRequestsPanel {
  constructor(private readonly page: Page) {}

  private row(side: "incoming" | "outgoing", partyName: string, dataClassLabel: string) {
    return this.page
      .getByTestId(`access-requests-${side}`)
      .locator("tr", { hasText: partyName })
      .filter({ hasText: dataClassLabel })
      .first();
  }

  async status(side: "incoming" | "outgoing", partyName: string, dataClassLabel: string): Promise<string> {
    const status = this.row(side, partyName, dataClassLabel).getByTestId("access-request-status");
    await status.waitFor();
    return (await status.textContent()) ?? "";
  }

  /** Approves the pending request of `requesterName`, keeping the proposed end date (a year on). */
  async approve(requesterName: string, dataClassLabel: string): Promise<void> {
    await this.row("incoming", requesterName, dataClassLabel).getByTestId("access-request-approve").click();
    await this.page.getByTestId("access-decision-until").waitFor();
    await this.page.getByTestId("access-decision-ok").click();
    await this.page.getByTestId("access-decision-until").waitFor({ state: "detached" });
  }
}

/** The "no access" box of a profile's private data, and its "request access" dialog. */
export class RequestAccessDialog {
  constructor(private readonly page: Page) {}

  async openIndicators(): Promise<void> {
    await this.page.getByTestId("show-indicators").click();
  }

  async noAccessShown(): Promise<boolean> {
    await this.page.getByTestId("private-no-access").first().waitFor();
    return this.page.getByTestId("private-no-access").first().isVisible();
  }

  async indicatorsChartShown(): Promise<boolean> {
    await this.page.getByTestId("chart-org-indicators").waitFor();
    return this.page.getByTestId("chart-org-indicators").isVisible();
  }

  async request(purpose: string): Promise<void> {
    await this.page.getByTestId("request-access-indicators").click();
    await this.page.getByTestId("access-request-purpose").fill(purpose);
    await this.page.getByTestId("access-request-send").click();
    await this.page.getByTestId("access-request-purpose").waitFor({ state: "detached" });
  }

  async requestButtonText(): Promise<string> {
    return (await this.page.getByTestId("request-access-indicators").textContent()) ?? "";
  }
}

/** The bell in the header and its panel. */
export class NotificationCentre {
  constructor(private readonly page: Page) {}

  async unread(): Promise<number> {
    const badge = this.page.getByTestId("notifications-count").locator(".ant-badge-count");
    if ((await badge.count()) === 0) return 0;
    return Number((await badge.first().getAttribute("title")) ?? "0");
  }

  async texts(): Promise<string[]> {
    await this.page.getByTestId("notifications-open").click();
    await this.page.getByTestId("notifications-panel").waitFor();
    const texts = await this.page.getByTestId("notification-item").allTextContents();
    await this.page.keyboard.press("Escape");
    return texts;
  }
}
