import { createHash } from "node:crypto";
import { safeEqual, verifyPassword } from "../../auth/secrets.ts";
import type { Database } from "../../db/database.ts";
import { AssetRepository } from "./asset.repository.ts";
import type { DeviceAuthenticator } from "./telemetry.types.ts";

/** How long a verified username/password pair is trusted without argon2 (and a wrong one remembered). */
export const AUTH_CACHE_TTL_MS = 60_000;
export const AUTH_FAILURE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface CachedIdentity {
  orgId: string;
  deviceId: string;
  /** SHA-256 of the password that verified: the clear password is never kept in memory. */
  digest: string;
  at: number;
}

const digestOf = (password: string) => createHash("sha256").update(password).digest("hex");

/**
 * Device credentials for the brokers. The stored secret is an argon2id hash (slow on purpose), so
 * a verified pair is cached for AUTH_CACHE_TTL_MS and a reconnect storm does not pay argon2 per
 * connection; rotating or revoking a credential in this process drops its entry at once (other
 * processes see it within the TTL). A wrong pair is remembered briefly so guessing cannot keep
 * argon2 busy either.
 */
export class TelemetryDeviceAuthenticator implements DeviceAuthenticator {
  private readonly verified = new Map<string, CachedIdentity>();
  private readonly failed = new Map<string, number>();

  constructor(
    private readonly db: Database,
    private readonly clock: () => number = Date.now,
  ) {}

  async authenticate(
    username: string,
    password: string,
  ): Promise<{ orgId: string; deviceId: string } | null> {
    if (typeof username !== "string" || typeof password !== "string") return null;
    if (username.length === 0 || username.length > 200 || password.length > 1000) return null;
    const now = this.clock();
    const digest = digestOf(password);
    const hit = this.verified.get(username);
    if (hit && now - hit.at < AUTH_CACHE_TTL_MS && safeEqual(hit.digest, digest))
      return { orgId: hit.orgId, deviceId: hit.deviceId };
    const failKey = `${username}\u0000${digest}`;
    const failedAt = this.failed.get(failKey);
    if (failedAt !== undefined && now - failedAt < AUTH_FAILURE_TTL_MS) return null;

    const rows = await new AssetRepository(this.db).credentialsByUsername(username);
    // Usernames are random; two active rows would be ambiguous, so neither is trusted.
    const row = rows.length === 1 ? rows[0] : undefined;
    if (!row || !(await verifyPassword(row.passwordHash, password))) {
      this.remember(this.failed, failKey, now);
      return null;
    }
    this.remember(this.verified, username, { orgId: row.orgId, deviceId: row.deviceId, digest, at: now });
    this.failed.delete(failKey);
    return { orgId: row.orgId, deviceId: row.deviceId };
  }

  /** Drops a username's cached verification (its credential was rotated or revoked). */
  invalidate(username: string): void {
    this.verified.delete(username);
    for (const key of this.failed.keys()) if (key.startsWith(`${username}\u0000`)) this.failed.delete(key);
  }

  private remember<V>(map: Map<string, V>, key: string, value: V): void {
    if (map.size >= MAX_ENTRIES) {
      // Oldest first (Map keeps insertion order): a bounded cache under a flood of usernames.
      const oldest = map.keys().next().value;
      if (oldest !== undefined) map.delete(oldest);
    }
    map.delete(key);
    map.set(key, value);
  }
}
