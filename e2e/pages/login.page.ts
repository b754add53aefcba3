import type { Page } from "playwright-core";
import type { Credentials } from "../harness/demo-users.ts";

export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/login");
    await this.page.getByTestId("login-card").waitFor();
  }

  async signIn({ email, password }: Credentials): Promise<void> {
    await this.page.getByTestId("login-email").fill(email);
    await this.page.getByTestId("login-password").fill(password);
    await this.page.getByTestId("login-submit").click();
  }

  /** The server's error message shown after a refused sign-in. */
  async errorMessage(): Promise<string> {
    return (await this.page.getByTestId("error-message").textContent()) ?? "";
  }

  async isShown(): Promise<boolean> {
    return this.page.getByTestId("login-card").isVisible();
  }
}
