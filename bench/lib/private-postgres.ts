// A PostgreSQL cluster of the bench's own (initdb + pg_ctl into a temp dir, on a free port), so a
// bench may kill -9 or stop it without touching the machine's PostgreSQL on 5432. initdb refuses
// root: as root the cluster is created and run as the `postgres` user (runuser).
import { execFile, execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort, sleep } from "./free-port.ts";

export interface PrivatePostgres {
  url: string;
  port: number;
  /** Starts the postmaster (crash recovery after a kill) and waits until it accepts connections. */
  start(): Promise<void>;
  /** kill -9 of the postmaster; waits until its children have gone too. */
  kill9(): Promise<void>;
  /** pg_ctl stop -m immediate. */
  stopImmediate(): Promise<void>;
  running(): boolean;
  cleanup(): Promise<void>;
}

function binDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(root, v, "bin", "initdb"))) return join(root, v, "bin");
  throw new Error("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin");
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

const alive = (pid: number) =>
  existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), "cb-private-pg-"));
  const data = join(dir, "data");
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  // Asynchronous, so publishers in the same process keep running while the cluster (re)starts.
  const run = promisify(execFile);
  const as = (cmd: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", join(bin, cmd), ...args]) : run(join(bin, cmd), args);
  await as("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const port = await freePort();
  const opts = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c max_connections=60 -c shared_buffers=64MB`;
  let postmaster = 0;
  const readPid = () => Number(readFileSync(join(data, "postmaster.pid"), "utf8").split("\n")[0]);
  const pg: PrivatePostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async start() {
      await as("pg_ctl", ["-D", data, "-o", opts, "-l", join(dir, "log"), "-w", "-t", "120", "start"]);
      postmaster = readPid();
    },
    async kill9() {
      const kids = childrenOf(postmaster);
      process.kill(postmaster, "SIGKILL");
      const deadline = Date.now() + 30_000;
      while ([postmaster, ...kids].some(alive) && Date.now() < deadline) await sleep(20);
      // A dead postmaster not yet reaped (a zombie) still answers kill(pid, 0), and the next start
      // would take it for a running one: its lock files go, as an operator would remove it.
      rmSync(join(data, "postmaster.pid"), { force: true });
      rmSync(join(dir, `.s.PGSQL.${port}.lock`), { force: true });
      rmSync(join(dir, `.s.PGSQL.${port}`), { force: true });
    },
    async stopImmediate() {
      await as("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    },
    running: () => postmaster > 0 && alive(postmaster),
    async cleanup() {
      try {
        if (pg.running()) await as("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  await pg.start();
  return pg;
}
