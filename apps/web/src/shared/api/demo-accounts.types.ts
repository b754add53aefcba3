/**
 * Demo sign-ins the server lists only in development mode (docs/api.md). Kept web-side until the
 * contracts package publishes a schema for it; in production the route answers 404 or `devMode:false`.
 */
export interface DemoAccount {
  email: string;
  password: string;
  persona: string;
  orgNameZh?: string;
  orgNameEn?: string;
}

export interface DemoAccounts {
  devMode: boolean;
  accounts: DemoAccount[];
}
