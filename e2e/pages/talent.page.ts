import type { Locator, Page } from "playwright-core";

async function inputOf(locator: Locator): Promise<Locator> {
  const tag = await locator.evaluate((el) => el.tagName);
  return tag === "INPUT" ? locator : locator.locator("input").first();
}

/** The talent sharing page: pool, secondments and competitions tabs. */
export class TalentPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/talent");
    await this.page.getByTestId("talent-page").waitFor();
  }

  async tab(name: string): Promise<void> {
    await this.page.getByRole("tab", { name }).click();
  }

  /** Waits until the pool lists `name`, then says whether `other` is listed too. */
  async poolListsAlso(name: string, other: string): Promise<boolean> {
    await this.page.getByTestId(`talent-person-${name}`).waitFor();
    return (await this.page.getByTestId(`talent-person-${other}`).count()) > 0;
  }

  async requestSecondment(person: string, role: string, startsOn: string, endsOn: string): Promise<void> {
    await this.page.getByTestId(`talent-ask-${person}`).click();
    await this.page.getByTestId("talent-request-role").fill(role);
    await (await inputOf(this.page.getByTestId("talent-request-starts"))).fill(startsOn);
    await (await inputOf(this.page.getByTestId("talent-request-ends"))).fill(endsOn);
    await this.page.getByTestId("talent-request-submit").click();
    await this.page.getByTestId("talent-request-role").waitFor({ state: "detached" });
  }

  async secondmentStatus(person: string): Promise<string> {
    const tag = this.page.getByTestId(`secondment-status-${person}`).first();
    await tag.waitFor();
    return (await tag.getAttribute("data-status")) ?? "";
  }

  async approve(person: string): Promise<void> {
    await this.page.getByTestId(`secondment-approve-${person}`).click();
  }

  async waitForSecondment(person: string, status: string): Promise<void> {
    await this.page.locator(`[data-testid="secondment-status-${person}"][data-status="${status}"]`).waitFor();
  }

  async score(person: string, score: number): Promise<void> {
    await (await inputOf(this.page.getByTestId(`score-input-${person}`))).fill(String(score));
    await this.page.getByTestId(`score-save-${person}`).click();
  }

  async waitForRank(person: string, rank: number): Promise<void> {
    await this.page.locator(`[data-testid="entry-${person}"][data-rank="${rank}"]`).waitFor();
  }

  async rank(person: string): Promise<string> {
    return (await this.page.getByTestId(`entry-${person}`).getAttribute("data-rank")) ?? "";
  }

  /** Opens a studio's detail and adds a training record; waits until the record is listed. */
  async addTraining(studio: string, heldOn: string, topic: string, hours: number): Promise<void> {
    await this.page.getByTestId(`studio-open-${studio}`).click();
    await this.page.getByTestId("studio-detail").waitFor();
    await this.page.getByTestId("training-date").fill(heldOn);
    await this.page.getByTestId("training-topic").fill(topic);
    await (await inputOf(this.page.getByTestId("training-hours"))).fill(String(hours));
    await this.page.getByTestId("training-add").click();
    await this.page.getByTestId("studio-trainings").getByText(topic).waitFor();
  }

  /** Asks for `person` (shown as "name · org" in the picker) for a project and a period. */
  async requestStaffing(person: string, project: string, role: string, startsOn: string, endsOn: string) {
    await this.page.getByTestId("staffing-person").click();
    await this.page.locator(".ant-select-item-option").filter({ hasText: person }).first().click();
    await this.page.getByTestId("staffing-project").fill(project);
    await this.page.getByTestId("staffing-role").fill(role);
    await this.page.getByTestId("staffing-starts").fill(startsOn);
    await this.page.getByTestId("staffing-ends").fill(endsOn);
    await this.page.getByTestId("staffing-submit").click();
    await this.page.locator(`[data-testid="staffing-status-${person}"][data-status="pending"]`).waitFor();
  }

  async approveStaffing(person: string): Promise<void> {
    await this.page.getByTestId(`staffing-approve-${person}`).click();
    await this.page.locator(`[data-testid="staffing-status-${person}"][data-status="approved"]`).waitFor();
  }
}
