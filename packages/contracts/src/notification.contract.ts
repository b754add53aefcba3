import { z } from "zod";

/**
 * What a notification is about. The web renders each kind from its own message with `params`, so
 * the text follows the reader's language. Later modules (alarms) add their kinds here.
 */
export const NOTIFICATION_KINDS = [
  "accessRequest.created",
  "accessRequest.approved",
  "accessRequest.declined",
  "grant.created",
  "grant.revoked",
  "grant.expiring",
  "alarm.raised",
  "innovation.contact",
  "innovation.projectMember",
  "innovation.milestoneDone",
  "shipment.late",
  "materials.contact",
] as const;
export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const notificationSchema = z.object({
  id: z.string(),
  kind: notificationKindSchema,
  /** Names and values the message shows (org names in both languages, data class, dates). */
  params: z.record(z.string(), z.string()),
  /** In-app path to open, e.g. "/grants". */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  unread: z.number().int().nonnegative(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;
