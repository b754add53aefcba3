import { randomUUID } from "node:crypto";
import type { Actor } from "../../auth/actor.ts";
import type { DbOrTx } from "../../db/database.ts";
import { NotFoundError, ValidationError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import type { NotificationInput, NotificationOutbox } from "./notification.service.ts";

/** A listing someone may write to: open listings of another org. */
export interface ContactableListing {
  id: string;
  orgId: string;
  status: string;
}

/** What a module's repository offers for "contact the firm behind a listing". */
export interface ListingContactRepository<L extends ContactableListing> {
  findVisible(orgId: string, id: string): Promise<L | undefined>;
  findOwn(orgId: string, id: string): Promise<unknown>;
  insertContact(values: {
    id: string;
    orgId: string;
    toOrgId: string;
    listingId: string;
    fromListingId: string | null;
    message: string;
    createdBy: string | null;
    createdAt: Date;
  }): Promise<void>;
}

/**
 * THE way a firm contacts the org behind an open listing (innovation demands/capabilities,
 * material needs/offers): the listing must be open, visible and not the caller's own, the optional
 * "from" listing must be the caller's; the message is stored, audited, and the owner notified in
 * the same transaction. Returns the new contact's id (the outbox is published after commit).
 */
export async function recordListingContact<L extends ContactableListing>(
  tx: DbOrTx,
  actor: Actor,
  input: { listingId: string; fromListingId?: string; message: string },
  o: {
    repo: ListingContactRepository<L>;
    /** The listing's name in errors ("listing", "material listing"). */
    noun: string;
    audit: { action: string; entity: string };
    outbox: NotificationOutbox;
    /** The owner's notification, once the contact is stored. */
    notification: (target: L, contactId: string) => Promise<Omit<NotificationInput, "orgId">>;
    now: Date;
  },
): Promise<string> {
  const target = await o.repo.findVisible(actor.orgId, input.listingId);
  if (target?.status !== "open") throw new NotFoundError(o.noun, input.listingId);
  if (target.orgId === actor.orgId) throw ValidationError.field("listingId", "this listing is your own");
  if (input.fromListingId && !(await o.repo.findOwn(actor.orgId, input.fromListingId)))
    throw ValidationError.field("fromListingId", `unknown listing of your org ${input.fromListingId}`);
  const id = randomUUID();
  await o.repo.insertContact({
    id,
    orgId: actor.orgId,
    toOrgId: target.orgId,
    listingId: target.id,
    fromListingId: input.fromListingId ?? null,
    message: input.message,
    createdBy: actor.userId,
    createdAt: o.now,
  });
  await writeAudit(
    tx,
    actor,
    {
      orgId: actor.orgId,
      action: o.audit.action,
      entity: o.audit.entity,
      entityId: id,
      after: { listingId: target.id },
    },
    o.now,
  );
  await o.outbox.add(tx, { orgId: target.orgId, ...(await o.notification(target, id)) }, o.now);
  return id;
}
