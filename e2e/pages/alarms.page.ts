import type { Page } from "playwright-core";
import { chooseOption } from "./select.helper.ts";

/** The alarms screen (/alarms): the alarm list with its filters and actions, and the detector settings. */
export class AlarmsPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId("alarms-page").waitFor();
    await this.page.getByTestId("alarm-table").waitFor();
  }

  /** Waits for a row in `state` (the list refreshes on every alarm pushed live) and returns its id. */
  async waitForAlarm(state: string, timeout = 30_000): Promise<string> {
    const row = this.page.locator(`tr[data-alarm-state="${state}"]`).first();
    await row.waitFor({ timeout });
    return (await row.getAttribute("data-alarm-id")) ?? "";
  }

  async stateText(id: string): Promise<string> {
    return (
      (await this.page.locator(`tr[data-alarm-id="${id}"]`).getByTestId("alarm-state").textContent()) ?? ""
    );
  }

  async acknowledge(id: string): Promise<void> {
    await this.page.locator(`tr[data-alarm-id="${id}"]`).getByTestId("alarm-ack").click();
  }

  async waitForState(id: string, state: string): Promise<void> {
    await this.page.locator(`tr[data-alarm-id="${id}"][data-alarm-state="${state}"]`).waitFor();
  }

  /** Opens the SPC tab on `tagKey` and returns how many points the chart marks as rule violations. */
  async spcViolations(tabLabel: string, tagKey: string): Promise<number> {
    await this.page.getByRole("tab", { name: tabLabel }).click();
    // Typed: the list is virtual, so with many tags the wanted one may not be rendered until searched.
    await chooseOption(this.page, this.page.getByTestId("spc-tag"), tagKey, tagKey);
    await this.page.locator('[data-testid="spc-chart"][data-rendered="true"]').waitFor();
    const summary = this.page.getByTestId("spc-summary");
    await summary.waitFor();
    return Number(await summary.getAttribute("data-violations"));
  }

  /** Opens a tab of the alarms screen by its label. */
  async openTab(label: string): Promise<void> {
    await this.page.getByRole("tab", { name: label }).click();
  }

  /** Adds a notification channel through the form of the channels tab (which must be open). */
  async addChannel(c: {
    kindLabel: string;
    name: string;
    recipients?: string;
    webhook?: string;
    secret?: string;
  }): Promise<void> {
    await this.page.getByTestId("channel-add").click();
    const form = this.page.getByTestId("channel-form");
    await form.waitFor();
    await form.getByText(c.kindLabel, { exact: true }).click();
    await form.getByTestId("channel-name").fill(c.name);
    if (c.recipients !== undefined) await form.getByTestId("channel-recipients").fill(c.recipients);
    if (c.webhook !== undefined) await form.getByTestId("channel-webhook").fill(c.webhook);
    if (c.secret !== undefined) await form.getByTestId("channel-secret").fill(c.secret);
    const answer = this.page.waitForResponse(
      (r) => r.url().includes("/monitoring/channels") && r.request().method() !== "GET",
    );
    await this.page.getByTestId("channel-save").click();
    const res = await answer;
    if (!res.ok()) throw new Error(`channel not saved: ${res.status()} ${await res.text()}`);
    // Closed on success; a failure the form shows (e.g. the answer refused by the client) is thrown.
    const failed = form.getByTestId("error-alert");
    await Promise.race([form.waitFor({ state: "detached" }), failed.waitFor()]);
    if (await failed.isVisible()) throw new Error(`channel form shows: ${await failed.textContent()}`);
    await this.page.locator("[data-channel-id]", { hasText: c.name }).waitFor();
  }

  /** Clicks "send test" on the channel named `name` and returns the result tag's text. */
  async testChannel(name: string): Promise<string> {
    const row = this.page.locator("[data-channel-id]", { hasText: name });
    await row.getByTestId("channel-test").click();
    const result = row.getByTestId("channel-test-result");
    await result.waitFor();
    return (await result.textContent()) ?? "";
  }
}
