import type { TagDataType } from "@clusterbrain/contracts";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { orgs } from "../../db/schema/index.ts";
import { AssetRepository } from "./asset.repository.ts";
import type { TelemetryDeviceAuthenticator } from "./device.authenticator.ts";
import { issueDeviceCredential } from "./device-credential.issuer.ts";
import { DEMO_PLANTS } from "./telemetry-demo.data.ts";

/** What the simulator needs to connect as one demo device and publish its tags. */
export interface DemoDevice {
  orgId: string;
  deviceId: string;
  username: string;
  /** Fresh on every call: the credential is rotated, so only the latest answer is valid. */
  password: string;
  machine: { id: string; name: string; processType: string };
  tags: { key: string; dataType: TagDataType; unit: string; low: number | null; high: number | null }[];
}

export interface SeedDemoTelemetryOptions {
  now?: () => Date;
  /** The running process's authenticator, so the old demo passwords stop working at once. */
  authenticator?: TelemetryDeviceAuthenticator;
}

/**
 * The demo firms' sites, lines, machines, devices and tags (created when missing; only firms that
 * exist in the database), and a fresh credential per demo device. Call at start after the demo
 * cluster is loaded; the in-process simulator connects with what it returns.
 */
export async function seedDemoTelemetry(
  db: Database,
  opts: SeedDemoTelemetryOptions = {},
): Promise<DemoDevice[]> {
  const now = (opts.now ?? (() => new Date()))();
  const out: DemoDevice[] = [];
  for (const plant of DEMO_PLANTS) {
    const [org] = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, plant.orgId));
    if (!org) continue;
    const orgId = plant.orgId;
    await db.transaction(async (tx) => {
      const repo = new AssetRepository(tx);
      const siteId = "demo-site";
      const lineId = "demo-line";
      if (!(await repo.site(orgId, siteId))) await repo.insertSite({ orgId, id: siteId, name: plant.site });
      if (!(await repo.line(orgId, lineId)))
        await repo.insertLine({ orgId, id: lineId, siteId, name: plant.line });
      for (const m of plant.machines) {
        const machineId = `demo-${m.id}`;
        const deviceId = `demo-${m.id}-dev`;
        if (!(await repo.machine(orgId, machineId)))
          await repo.insertMachine({
            orgId,
            id: machineId,
            lineId,
            name: m.name,
            processType: m.processType,
          });
        if (!(await repo.device(orgId, deviceId)))
          await repo.insertDevice({ orgId, id: deviceId, machineId, name: m.device });
        for (const t of m.tags) {
          const tagId = `${deviceId}-${t.key.replace(/[^A-Za-z0-9]/g, "_")}`;
          if (!(await repo.tag(orgId, tagId)))
            await repo.insertTag({
              orgId,
              id: tagId,
              deviceId,
              ...t,
              spc: { enabled: t.dataType === "number" },
            });
        }
      }
    });
    // Hashing (argon2) for several devices: concurrently, outside the tree's transaction.
    const issued = await Promise.all(
      plant.machines.map((m) =>
        issueDeviceCredential(db, opts.authenticator, orgId, `demo-${m.id}-dev`, now),
      ),
    );
    plant.machines.forEach((m, i) => {
      out.push({
        orgId,
        deviceId: issued[i].deviceId,
        username: issued[i].username,
        password: issued[i].password,
        machine: { id: `demo-${m.id}`, name: m.name, processType: m.processType },
        tags: m.tags.map(({ key, dataType, unit, low, high }) => ({ key, dataType, unit, low, high })),
      });
    });
  }
  return out;
}
