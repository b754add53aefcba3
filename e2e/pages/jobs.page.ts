import type { Page } from "playwright-core";

export interface CurrentJob {
  id: string;
  status: string;
  /** 0…1 as the page holds it (from the live channel). */
  progress: number;
  /** The percentage the antd Progress bar shows. */
  shownPercent: number;
}

/** The planning runs screen (/jobs). */
export class JobsPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId("jobs-page").waitFor();
  }

  /** Waits until the server-push channel is open (EventSource connected). */
  async waitUntilLive(): Promise<void> {
    await this.page.locator('[data-testid="live-state"][data-state="open"]').waitFor();
  }

  async setNumber(field: "jobs" | "machines" | "seconds" | "seed", value: number): Promise<void> {
    // antd puts the test id on the <input> itself (or on its wrapper in other versions).
    const el = this.page.getByTestId(`job-${field}`);
    const input = (await el.evaluate((e) => e.tagName)) === "INPUT" ? el : el.locator("input");
    await input.fill(String(value));
    await input.blur();
  }

  async start(): Promise<void> {
    const answered = this.page.waitForResponse(
      (r) => r.url().endsWith("/api/v1/jobs") && r.request().method() === "POST",
    );
    await this.page.getByTestId("job-start").click();
    await answered;
    await this.page.getByTestId("job-current").waitFor();
  }

  async current(): Promise<CurrentJob> {
    const box = this.page.getByTestId("job-current");
    const text = await this.page.getByTestId("job-progress").locator(".ant-progress-indicator").textContent();
    return {
      id: (await box.getAttribute("data-job-id")) ?? "",
      status: (await box.getAttribute("data-status")) ?? "",
      progress: Number(await box.getAttribute("data-progress")),
      shownPercent: Number((text ?? "").replace(/[^\d]/g, "")),
    };
  }

  async waitForStatus(status: string): Promise<void> {
    await this.page.locator(`[data-testid="job-current"][data-status="${status}"]`).waitFor();
  }

  async cancel(): Promise<void> {
    await this.page.getByTestId("job-cancel").click();
  }

  async statusText(): Promise<string> {
    return (await this.page.getByTestId("job-current-status").textContent()) ?? "";
  }

  async resultText(): Promise<string> {
    const result = this.page.getByTestId("job-result");
    await result.waitFor();
    return (await result.textContent()) ?? "";
  }

  async historyStatus(id: string): Promise<string> {
    return (await this.page.getByTestId(`job-status-${id}`).textContent()) ?? "";
  }
}
