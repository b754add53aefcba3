import { hashPassword, randomToken } from "../../auth/secrets.ts";
import type { DbOrTx } from "../../db/database.ts";
import { AssetRepository } from "./asset.repository.ts";
import type { TelemetryDeviceAuthenticator } from "./device.authenticator.ts";

export interface IssuedCredential {
  orgId: string;
  deviceId: string;
  username: string;
  /** Shown once; only its argon2id hash is stored. */
  password: string;
  issuedAt: Date;
}

/** A random broker username: no org or device name in it, unique across the cluster. */
export function newDeviceUsername(): string {
  return `dev-${randomToken(12)}`;
}

/**
 * Issues a device's credential, or rotates it: a fresh random password (the username stays the
 * same once assigned). The authenticator forgets the old pair at once.
 */
export async function issueDeviceCredential(
  db: DbOrTx,
  authenticator: TelemetryDeviceAuthenticator | undefined,
  orgId: string,
  deviceId: string,
  at: Date,
): Promise<IssuedCredential> {
  const repo = new AssetRepository(db);
  const existing = await repo.credential(orgId, deviceId);
  const username = existing?.username ?? newDeviceUsername();
  const password = randomToken(24);
  const passwordHash = await hashPassword(password);
  await repo.upsertCredential({ orgId, deviceId, username, passwordHash, issuedAt: at, revokedAt: null });
  authenticator?.invalidate(username);
  return { orgId, deviceId, username, password, issuedAt: at };
}
