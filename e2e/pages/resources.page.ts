import type { Locator, Page } from "playwright-core";

async function inputOf(locator: Locator): Promise<Locator> {
  const tag = await locator.evaluate((el) => el.tagName);
  return tag === "INPUT" ? locator : locator.locator("input").first();
}

/** One shared resource: its availability calendar and the booking form. */
export class ResourceDetailPage {
  constructor(private readonly page: Page) {}

  async open(id: string): Promise<void> {
    await this.page.goto(`/resources/${id}`);
    await this.page.getByTestId("resource-detail").waitFor();
    await this.page.locator('[data-testid="resource-calendar"][data-loaded="true"]').waitFor();
  }

  async name(): Promise<string> {
    return (await this.page.getByTestId("resource-name").textContent()) ?? "";
  }

  /** Fills and sends the booking form; day is YYYY-MM-DD, hours in cluster time. */
  async book(day: string, from: number, to: number, purpose: string): Promise<void> {
    await (await inputOf(this.page.getByTestId("booking-day"))).fill(day);
    await (await inputOf(this.page.getByTestId("booking-from"))).fill(String(from));
    await (await inputOf(this.page.getByTestId("booking-to"))).fill(String(to));
    await this.page.getByTestId("booking-purpose").fill(purpose);
    await this.page.getByTestId("booking-submit").click();
  }

  /** The state of one hour cell once the calendar shows that day's week. */
  async cellState(day: string, hour: number): Promise<string> {
    const cell = this.page.locator(
      `[data-testid="resource-calendar"][data-loaded="true"] [data-testid="calendar-cell"][data-day="${day}"][data-hour="${hour}"]`,
    );
    await cell.waitFor();
    return (await cell.getAttribute("data-state")) ?? "";
  }

  async waitForCell(day: string, hour: number, state: string): Promise<void> {
    await this.page
      .locator(
        `[data-testid="resource-calendar"][data-loaded="true"] [data-testid="calendar-cell"][data-day="${day}"][data-hour="${hour}"][data-state="${state}"]`,
      )
      .waitFor();
  }

  /** Moves the calendar forward until it shows `day`. */
  async showWeekOf(day: string): Promise<void> {
    for (let i = 0; i < 6; i++) {
      const cell = this.page.locator(
        `[data-testid="resource-calendar"][data-loaded="true"] [data-testid="calendar-cell"][data-day="${day}"]`,
      );
      if ((await cell.count()) > 0) return;
      const week = await this.page.getByTestId("resource-calendar").getAttribute("data-week");
      await this.page.getByTestId("calendar-next").click();
      await this.page
        .locator(`[data-testid="resource-calendar"][data-loaded="true"]:not([data-week="${week}"])`)
        .waitFor();
    }
  }

  async errorText(): Promise<string> {
    const box = this.page.getByTestId("booking-error");
    await box.waitFor();
    return (await box.textContent()) ?? "";
  }
}

/** The bookings screen: the owner's queue (incoming) and the org's own bookings (outgoing). */
export class BookingsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/bookings");
    await this.page.locator('[data-testid="bookings-incoming"][data-loaded="true"]').waitFor();
  }

  private row(side: "incoming" | "outgoing", text: string) {
    return this.page.getByTestId(`bookings-${side}`).locator("tr", { hasText: text }).first();
  }

  async status(side: "incoming" | "outgoing", text: string): Promise<string> {
    const status = this.row(side, text).getByTestId("booking-status");
    await status.waitFor();
    return (await status.textContent()) ?? "";
  }

  async approve(text: string): Promise<void> {
    await this.row("incoming", text).getByTestId("booking-approve").click();
    await this.page.getByTestId("booking-action-form").waitFor();
    await this.page.getByTestId("booking-action-ok").click();
    await this.page.getByTestId("booking-action-form").waitFor({ state: "detached" });
  }
}
