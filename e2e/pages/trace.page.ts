import type { Page } from "playwright-core";

/** The traceability screen: recall drill and lot-event timeline. */
export class TracePage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/trace");
    await this.page.getByTestId("trace-page").waitFor();
  }

  /** Runs a recall from a lot code (the org left empty) and waits for the answer to this lot. */
  async recallLot(lot: string, direction: "forward" | "backward"): Promise<void> {
    await this.page.getByTestId("recall-lot").fill(lot);
    await this.page
      .getByText(direction === "forward" ? "正向：受影响的器械与医院" : "反向：所用的零部件批次")
      .click();
    const answered = this.page.waitForResponse(
      (r) => r.url().includes("/api/v1/trace/recall") && r.url().includes(lot),
    );
    await this.page.getByTestId("recall-run").click();
    await answered;
    await this.page.getByTestId("recall-result").waitFor();
  }

  async hospitals(): Promise<string[]> {
    return this.page.getByTestId("recall-hospital").allInnerTexts();
  }

  async lots(): Promise<string[]> {
    return this.page.getByTestId("recall-lot-item").allInnerTexts();
  }

  async deviceCount(): Promise<number> {
    return Number(await this.page.getByTestId("recall-result").getAttribute("data-devices"));
  }

  async openTimeline(): Promise<number> {
    await this.page.getByRole("tab", { name: "批次事件" }).click();
    const list = this.page.getByTestId("timeline-events");
    await list.waitFor();
    return Number(await list.getAttribute("data-count"));
  }
}
