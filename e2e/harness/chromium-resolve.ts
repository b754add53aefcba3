import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export interface ResolvedChromium {
  executablePath: string;
  /** "system": CHROMIUM_PATH or Debian's /usr/bin/chromium; "packaged": the one inside @sparticuz/chromium. */
  source: "system" | "packaged";
  version: string;
  /** Why the system browser was passed over (for the log line), when it was. */
  skipped?: string;
}

/**
 * Runs `<path> --version`: proves the file is there AND starts. A Debian wrapper script left behind
 * after its real binary was removed exists but fails here, so it counts as absent.
 */
export async function chromiumVersion(path: string): Promise<string> {
  const { stdout } = await run(path, ["--version"], { timeout: 30_000 });
  const version = stdout.trim();
  if (!/chrom/i.test(version)) throw new Error(`unexpected --version output ${JSON.stringify(version)}`);
  return version;
}

async function packaged(): Promise<{ executablePath: string; version: string }> {
  // Loaded only when needed: the first call unpacks ~170 MB into <tmp>/chromium (a few seconds).
  const { default: sparticuz } = await import("@sparticuz/chromium");
  const executablePath = await sparticuz.executablePath();
  return { executablePath, version: await chromiumVersion(executablePath) };
}

function reason(err: unknown): string {
  return err instanceof Error ? err.message.split("\n")[0] : String(err);
}

/**
 * The browser the e2e tier drives: CHROMIUM_PATH (default /usr/bin/chromium) when it starts,
 * otherwise the Chromium shipped inside the @sparticuz/chromium devDependency, so `npm ci && npm test`
 * works on a machine without Debian's chromium. Nothing is ever downloaded.
 */
export async function resolveChromium(env: NodeJS.ProcessEnv = process.env): Promise<ResolvedChromium> {
  const systemPath = env.CHROMIUM_PATH || SYSTEM_CHROMIUM;
  let skipped: string;
  try {
    return { executablePath: systemPath, source: "system", version: await chromiumVersion(systemPath) };
  } catch (err) {
    skipped = `${systemPath} did not start (${reason(err)})`;
  }
  try {
    return { ...(await packaged()), source: "packaged", skipped };
  } catch (err) {
    throw new Error(
      `No working Chromium: ${skipped}, and the packaged @sparticuz/chromium failed (${reason(err)}). ` +
        "Run 'npm ci', or install Debian's browser with 'apt-get install -y chromium' (or set CHROMIUM_PATH).",
    );
  }
}
