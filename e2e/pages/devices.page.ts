import type { Page } from "playwright-core";

export interface DeviceRow {
  id: string;
  state: string;
  stateText: string;
  lastSeenText: string;
}

/** The asset tree screen (/devices): sites → lines → machines → devices (with state) → tags. */
export class DevicesPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/devices");
    await this.waitUntilShown();
  }

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId("devices-page").waitFor();
    await this.page.getByTestId("asset-tree").waitFor();
  }

  /** Every device row the tree shows, with its connection state (online/stale/offline/never). */
  async devices(): Promise<DeviceRow[]> {
    const rows = this.page.locator('[data-testid^="device-"][data-state]');
    await rows.first().waitFor();
    const out: DeviceRow[] = [];
    for (const row of await rows.all()) {
      out.push({
        id: ((await row.getAttribute("data-testid")) ?? "").replace(/^device-/, ""),
        state: (await row.getAttribute("data-state")) ?? "",
        stateText: (await row.getByTestId("device-state").textContent()) ?? "",
        lastSeenText: (await row.getByTestId("device-last-seen").textContent()) ?? "",
      });
    }
    return out;
  }

  /** Waits until the device's row shows `state` (the tree refreshes every few seconds). */
  async waitForDeviceState(deviceId: string, state: string): Promise<void> {
    await this.page.locator(`[data-testid="device-${deviceId}"][data-state="${state}"]`).waitFor();
  }

  /** Opens a tag's page from the tree by its key (the first one if several devices share it). */
  async openTag(key: string): Promise<void> {
    await this.page.getByTestId(`tag-${key}`).first().getByTestId("tag-link").click();
  }
}
