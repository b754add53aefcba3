import { and, count, desc, eq, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { notifications } from "../../db/schema/index.ts";

export type NotificationRow = typeof notifications.$inferSelect;
export type NotificationInsert = typeof notifications.$inferInsert;

/** The rows one user of one org sees: addressed to the org as a whole or to the user. */
const visibleTo = (orgId: string, userId: string) =>
  and(eq(notifications.orgId, orgId), or(isNull(notifications.userId), eq(notifications.userId, userId)));

export class NotificationRepository {
  constructor(private readonly db: DbOrTx) {}

  /** Inserts; a row whose (org, dedupe key) exists already is skipped and undefined comes back. */
  async insert(values: NotificationInsert): Promise<NotificationRow | undefined> {
    const [row] = await this.db
      .insert(notifications)
      .values(values)
      .onConflictDoNothing({
        target: [notifications.orgId, notifications.dedupeKey],
        where: sql`${notifications.dedupeKey} IS NOT NULL`,
      })
      .returning();
    return row;
  }

  async latest(orgId: string, userId: string, limit: number): Promise<NotificationRow[]> {
    return this.db
      .select()
      .from(notifications)
      .where(visibleTo(orgId, userId))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit);
  }

  async unreadCount(orgId: string, userId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(notifications)
      .where(and(visibleTo(orgId, userId), isNull(notifications.readAt)));
    return Number(row?.n ?? 0);
  }

  async findVisible(orgId: string, userId: string, id: string): Promise<NotificationRow | undefined> {
    const [row] = await this.db
      .select()
      .from(notifications)
      .where(and(visibleTo(orgId, userId), eq(notifications.id, id)));
    return row;
  }

  async markRead(orgId: string, userId: string, id: string | undefined, at: Date): Promise<void> {
    await this.db
      .update(notifications)
      .set({ readAt: at })
      .where(
        and(
          visibleTo(orgId, userId),
          isNull(notifications.readAt),
          id === undefined ? undefined : eq(notifications.id, id),
        ),
      );
  }
}
