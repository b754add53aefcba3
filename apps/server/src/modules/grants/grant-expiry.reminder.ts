import type { Database } from "../../db/database.ts";
import type { LiveHub } from "../live/live.hub.ts";
import { NotificationOutbox } from "../notifications/notification.service.ts";
import { GrantRepository } from "./grant.repository.ts";
import { grantNames } from "./grant.service.ts";

/** How long before a grant runs out both sides are reminded. */
export const EXPIRY_REMINDER_DAYS = 7;
const DAY_MS = 86_400_000;

/**
 * Reminds grantor and grantee of every live grant that runs out within EXPIRY_REMINDER_DAYS. The
 * notification's dedupe key (grant id) makes this safe to run as often as wanted, on any number of
 * server processes: each side gets one reminder per grant. Returns how many were new.
 */
export async function remindExpiringGrants(db: Database, now: Date, live?: LiveHub): Promise<number> {
  const until = new Date(now.getTime() + EXPIRY_REMINDER_DAYS * DAY_MS);
  const outbox = new NotificationOutbox();
  await db.transaction(async (tx) => {
    for (const g of await new GrantRepository(tx).findExpiring(now, until)) {
      const params = grantNames(g);
      const dedupeKey = `grant.expiring:${g.id}`;
      await outbox.add(
        tx,
        { orgId: g.orgId, kind: "grant.expiring", params, link: "/grants", dedupeKey },
        now,
      );
      await outbox.add(
        tx,
        { orgId: g.granteeOrgId, kind: "grant.expiring", params, link: "/grants", dedupeKey },
        now,
      );
    }
  });
  const created = outbox.count;
  outbox.publish(live);
  return created;
}
