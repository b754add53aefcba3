import type { CapacityOffer } from "@clusterbrain/contracts";
import type { Page } from "playwright-core";
import { chooseOption } from "./select.helper.ts";

/** The capacity exchange: idle hours from the schedule, RFQs with matches, quotes, orders and their shipment. */
export class CapacityExchangePage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/capacity-exchange");
    await this.page.getByTestId("capacity-exchange-page").waitFor();
  }

  /** Offers the idle hours of the first week of `workCentre` that still has some; returns that week's Monday. */
  async offerIdle(workCentre: string, pricePerHour: number): Promise<string> {
    const row = this.page.locator(`tr[data-idle^="${workCentre}|"]`, {
      has: this.page.getByTestId("idle-offer"),
    });
    await row.first().waitFor();
    const key = (await row.first().getAttribute("data-idle")) ?? "";
    await row.first().locator(".ant-input-number input").nth(1).fill(String(pricePerHour));
    const answered = this.page.waitForResponse((r) => r.url().includes("/offers/from-schedule"));
    await row.first().getByTestId("idle-offer").click();
    const res = await answered;
    if (res.status() !== 200)
      throw new Error(`offering idle hours answered ${res.status()}: ${await res.text()}`);
    return key.split("|")[1];
  }

  /** The open offers as the API lists them (to find the one just published from the schedule). */
  async offers(): Promise<CapacityOffer[]> {
    return this.page.evaluate(async () => {
      const res = await fetch("/api/v1/capacity-exchange/offers?process=winding");
      return (await res.json()).items;
    });
  }

  async postRfq(hours: number, from: string, to: string, spec: string): Promise<string> {
    await this.page.goto("/capacity-exchange/rfqs");
    await this.page.getByTestId("rfqs-page").waitFor();
    await this.page.getByTestId("rfq-hours").fill(String(hours));
    await this.page.getByTestId("rfq-from").fill(from);
    await this.page.getByTestId("rfq-to").fill(to);
    await this.page.getByTestId("rfq-spec").fill(spec);
    await this.page.getByTestId("rfq-post").click();
    await this.page.locator('[data-testid="rfq-page"][data-loaded="true"]').waitFor();
    return this.page.url().split("/").pop() ?? "";
  }

  async openRfq(id: string): Promise<void> {
    await this.page.goto(`/capacity-exchange/rfqs/${id}`);
    await this.page.locator('[data-testid="rfq-page"][data-loaded="true"]').waitFor();
  }

  match(offerId: string) {
    return this.page.locator(`tr[data-match="${offerId}"]`);
  }

  async sendQuote(pricePerHour: number): Promise<void> {
    await this.page.getByTestId("quote-price").fill(String(pricePerHour));
    await this.page.getByTestId("quote-send").click();
    await this.page.locator('tr[data-quote="open"]').waitFor();
  }

  /** Accepts the open quote; returns the order's id (the page moves to the order). */
  async acceptQuote(): Promise<string> {
    await this.page.locator('tr[data-quote="open"]').getByTestId("quote-accept").click();
    await this.page.locator('[data-testid="order-page"][data-loaded="true"]').waitFor();
    return this.page.url().split("/").pop() ?? "";
  }

  async openOrder(id: string): Promise<void> {
    await this.page.goto(`/capacity-exchange/orders/${id}`);
    await this.page.locator('[data-testid="order-page"][data-loaded="true"]').waitFor();
  }

  async ship(trackingNo: string): Promise<void> {
    await this.page.getByTestId("ship-tracking").fill(trackingNo);
    await this.page.getByTestId("ship-create").click();
    // The shipment card with its tracking-event form replaces the ship form (the timeline is still empty).
    await this.page.getByTestId("event-add").waitFor();
  }

  /** Adds a tracking event by its label and waits until the timeline shows it. */
  async addEvent(type: string, label: string): Promise<void> {
    await chooseOption(this.page, this.page.getByTestId("event-type"), label);
    await this.page.getByTestId("event-add").click();
    await this.page.getByTestId(`order-event-${type}`).waitFor();
  }

  async orderStatus(): Promise<string | null> {
    return this.page
      .locator('[data-testid="order-page"] h3 [data-order-status]')
      .getAttribute("data-order-status");
  }
}
