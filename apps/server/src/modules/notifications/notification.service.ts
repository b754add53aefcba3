import { randomUUID } from "node:crypto";
import type { Notification, NotificationKind, NotificationList } from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import type { Database, DbOrTx } from "../../db/database.ts";
import { NotFoundError } from "../../errors/index.ts";
import type { LiveHub } from "../live/live.hub.ts";
import { NotificationRepository, type NotificationRow } from "./notification.repository.ts";

const LATEST = 30;

/** What a module publishes: to an org (every member) or to one user of it. */
export interface NotificationInput {
  orgId: string;
  userId?: string | null;
  kind: NotificationKind;
  params: Record<string, string>;
  link?: string;
  /** Publishing twice with the same key (per org) keeps one notification (reminders). */
  dedupeKey?: string;
}

export function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    params: row.params,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/**
 * The notification outbox of one transaction: `add` writes the row with the change it is about,
 * `publish` (after commit) pushes them live. Any module may publish; the hub's policy decides who
 * receives each one.
 */
export class NotificationOutbox {
  private readonly written: NotificationRow[] = [];

  async add(tx: DbOrTx, input: NotificationInput, now: Date): Promise<void> {
    const row = await new NotificationRepository(tx).insert({
      id: randomUUID(),
      orgId: input.orgId,
      userId: input.userId ?? null,
      kind: input.kind,
      params: input.params,
      link: input.link ?? null,
      dedupeKey: input.dedupeKey ?? null,
      createdAt: now,
    });
    if (row) this.written.push(row);
  }

  get count(): number {
    return this.written.length;
  }

  publish(live: LiveHub | undefined): void {
    for (const row of this.written.splice(0)) {
      live?.publish(
        { orgId: row.orgId, userId: row.userId ?? undefined },
        { topic: "notification", notification: toNotification(row) },
      );
    }
  }
}

export class NotificationService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  async list(actor: Actor): Promise<NotificationList> {
    const repo = new NotificationRepository(this.db);
    const [rows, unread] = await Promise.all([
      repo.latest(actor.orgId, actor.userId, LATEST),
      repo.unreadCount(actor.orgId, actor.userId),
    ]);
    return { items: rows.map(toNotification), unread };
  }

  async read(actor: Actor, id: string): Promise<Notification> {
    const repo = new NotificationRepository(this.db);
    // Only rows addressed to the actor's org (and to the actor or everyone) are found: others are 404.
    if (!(await repo.findVisible(actor.orgId, actor.userId, id))) throw new NotFoundError("notification", id);
    await repo.markRead(actor.orgId, actor.userId, id, this.now());
    const row = await repo.findVisible(actor.orgId, actor.userId, id);
    if (!row) throw new NotFoundError("notification", id);
    return toNotification(row);
  }

  async readAll(actor: Actor): Promise<NotificationList> {
    await new NotificationRepository(this.db).markRead(actor.orgId, actor.userId, undefined, this.now());
    return this.list(actor);
  }
}
