import type { Page } from "playwright-core";

export interface ReportedIssue {
  row: number;
  column: string;
}

export class ImportsPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId("imports-page").waitFor();
  }

  async chooseFile(path: string): Promise<void> {
    await this.page.getByTestId("import-file").setInputFiles(path);
  }

  async dryRun(): Promise<void> {
    const answered = this.page.waitForResponse((res) => res.url().endsWith("/api/v1/imports"));
    await this.page.getByTestId("import-dry-run").click();
    await answered;
    await this.page.getByTestId("import-report").waitFor();
  }

  /** A real run in "valid rows only" mode: the good rows are written, the bad ones reported. */
  async runValidRows(): Promise<void> {
    await this.page.getByTestId("import-mode").locator('input[value="valid-rows"]').check();
    const answered = this.page.waitForResponse((res) => res.url().endsWith("/api/v1/imports"));
    await this.page.getByTestId("import-run").click();
    await answered;
    await this.page.getByTestId("import-report").waitFor();
  }

  async count(
    testId: "import-total" | "import-valid" | "import-invalid" | "import-written",
  ): Promise<number> {
    const text = await this.page.getByTestId(testId).locator(".ant-statistic-content-value").textContent();
    return Number((text ?? "").replace(/[^\d]/g, ""));
  }

  async committedLabel(): Promise<string> {
    return (await this.page.getByTestId("import-committed").textContent()) ?? "";
  }

  async issues(): Promise<ReportedIssue[]> {
    const rows = this.page.locator('[data-testid="import-issues"] tbody tr.ant-table-row');
    const out: ReportedIssue[] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const cells = rows.nth(i).locator("td");
      out.push({
        row: Number(await cells.nth(0).textContent()),
        // The cell shows the column's label and its key; the key is what the server reports.
        column: (await cells.nth(1).locator("code").textContent()) ?? "",
      });
    }
    return out;
  }
}
