import { ROLES } from "@clusterbrain/contracts";
import { addUser, loadConfig, migrate, openDatabase } from "@clusterbrain/server";
import type { RegisterCommand } from "./index.ts";

interface UserAddOptions {
  email: string;
  org: string;
  role: string;
  password?: string;
  name?: string;
  database?: string;
}

export const registerUser: RegisterCommand = (program) => {
  const user = program.command("user").description("Manage user accounts");
  user
    .command("add")
    .description("Add a user to an organisation with a role (or change their role and password)")
    .requiredOption("--email <email>", "sign-in email")
    .requiredOption("--org <id|uscc>", "organisation id or 统一社会信用代码")
    .requiredOption("--role <role>", `one of ${ROLES.join(", ")}`)
    .option(
      "--password <password>",
      "password (default: read from CLUSTERBRAIN_PASSWORD, so it stays out of shell history)",
    )
    .option("--name <name>", "display name")
    .option(
      "--database <url>",
      "postgres://…, memory:// or a PGlite folder (default: DATABASE_URL or ./data/pglite)",
    )
    .action(async (opts: UserAddOptions) => {
      const role = ROLES.find((r) => r === opts.role);
      if (!role) throw new Error(`--role must be one of ${ROLES.join(", ")}, got "${opts.role}"`);
      const password = opts.password ?? process.env.CLUSTERBRAIN_PASSWORD;
      if (!password) throw new Error("--password (or CLUSTERBRAIN_PASSWORD) is required");
      const handle = await openDatabase({ url: opts.database ?? loadConfig().databaseUrl });
      try {
        await migrate(handle);
        const r = await addUser(handle.db, {
          email: opts.email,
          org: opts.org,
          role,
          password,
          displayName: opts.name,
        });
        console.log(
          `${r.created ? "created" : "updated"} ${opts.email.toLowerCase()} as ${role} of ${r.orgId}`,
        );
      } finally {
        await handle.close();
      }
    });
};
