import type { Locator, Page } from "playwright-core";
import { chooseOption } from "./select.helper.ts";

/** The scheduling screen: run scenarios, compare, publish, and the Gantt of the open one. */
export class SchedulingPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId("scheduling-page").waitFor();
  }

  row(name: string): Locator {
    return this.page.locator(`tr[data-scenario="${name}"]`);
  }

  /** Starts a scenario; returns the highest progress the bar showed before the scenario was ready. */
  async run(name: string, objective: string, seconds: number): Promise<number> {
    await this.page.getByTestId("scenario-name").fill(name);
    await chooseOption(this.page, this.page.getByTestId("scenario-objective"), objective);
    const spin = this.page.locator(".ant-input-number input").first();
    await spin.fill(String(seconds));
    await this.page.getByTestId("schedule-run").click();
    const bar = this.page.getByTestId("schedule-progress");
    await bar.waitFor();
    let best = 0;
    while (
      (await this.row(name)
        .getAttribute("data-status")
        .catch(() => null)) !== "ready"
    ) {
      const p = Number((await bar.getAttribute("data-progress", { timeout: 200 }).catch(() => "0")) ?? 0);
      best = Math.max(best, p);
      await this.page.waitForTimeout(100);
    }
    return best;
  }

  async ganttRendered(): Promise<void> {
    await this.page.locator('[data-testid="gantt"][data-rendered="true"]').waitFor();
  }

  async zoom(label: string): Promise<void> {
    await this.page.getByTestId("gantt-zoom").getByText(label, { exact: true }).click();
  }

  /** The pixel centre of the plan's last bar, relative to the page. */
  async probe(): Promise<{ x: number; y: number; key: string; probe: string }> {
    const gantt = this.page.getByTestId("gantt");
    await this.page.locator('[data-testid="gantt"][data-probe*=","]').waitFor();
    const probe = (await gantt.getAttribute("data-probe")) ?? "0,0";
    const [px, py] = probe.split(",").map(Number);
    const box = await gantt.boundingBox();
    if (!box) throw new Error("the Gantt is not on screen");
    return { x: box.x + px, y: box.y + py, key: (await gantt.getAttribute("data-probe-key")) ?? "", probe };
  }

  /** Drags from a point to a point (mouse down, several moves, up) and waits for the server's answer. */
  async drag(from: { x: number; y: number }, to: { x: number; y: number }): Promise<number> {
    const answered = this.page.waitForResponse((res) => res.url().endsWith("/moves"));
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
    await this.page.mouse.move(to.x, to.y, { steps: 5 });
    await this.page.mouse.up();
    return (await answered).status();
  }

  /**
   * Must show: drags the plan's last bar later on its machine (accepted: the moves route answers 200
   * and the bar is drawn further right), then drops it at the very start of the plan, before its own
   * previous step ends (refused with the reason; the bar stays where the accepted move put it).
   */
  async dragAcceptedThenRefused(): Promise<{
    accepted: number;
    moved: number;
    refused: number;
    reason: string | null;
    stayed: boolean;
  }> {
    const before = await this.probe();
    const accepted = await this.drag(before, { x: before.x + 40, y: before.y });
    await this.page.locator('[data-testid="gantt-undo"]:not([disabled])').waitFor();
    await this.page
      .locator(`[data-testid="gantt"][data-probe-key="${before.key}"]:not([data-probe="${before.probe}"])`)
      .waitFor();
    const after = await this.probe();
    const refused = await this.drag(after, { x: await this.ganttLeft(), y: after.y });
    await this.refused().waitFor();
    const reason = await this.refused().getAttribute("data-reason");
    const stayed = await this.probe();
    return {
      accepted,
      moved:
        after.key === before.key ? Number(after.probe.split(",")[0]) - Number(before.probe.split(",")[0]) : 0,
      refused,
      reason,
      stayed: stayed.key === after.key && stayed.probe === after.probe,
    };
  }

  async ganttLeft(): Promise<number> {
    const box = await this.page.getByTestId("gantt").boundingBox();
    return (box?.x ?? 0) + 115;
  }

  refused(): Locator {
    return this.page.getByTestId("gantt-refused");
  }

  async undo(): Promise<void> {
    const answered = this.page.waitForResponse((res) => res.url().endsWith("/undo"));
    await this.page.getByTestId("gantt-undo").click();
    await answered;
  }

  async publish(name: string): Promise<void> {
    await this.row(name).getByTestId("scenario-publish").click();
    await this.row(name).getByText("已发布").waitFor();
  }
}
