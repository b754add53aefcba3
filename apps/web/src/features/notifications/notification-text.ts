import type { Notification } from "@clusterbrain/contracts";
import type { MessageParams } from "../../i18n/translate.ts";
import type { MessageKey } from "../../i18n/zh-cn.messages.ts";

/** What the text of a notification needs from the i18n context. */
export interface NotificationTextDeps {
  t: (key: MessageKey, params?: MessageParams) => string;
  tEnum: (prefix: string, value: string) => string;
  pick: (zh: string | null | undefined, en: string | null | undefined) => string;
  date: (iso: string) => string;
}

const KEYS: Record<Notification["kind"], MessageKey> = {
  "accessRequest.created": "notify.accessRequest.created",
  "accessRequest.approved": "notify.accessRequest.approved",
  "accessRequest.declined": "notify.accessRequest.declined",
  "grant.created": "notify.grant.created",
  "grant.revoked": "notify.grant.revoked",
  "grant.expiring": "notify.grant.expiring",
  "alarm.raised": "notify.alarm.raised",
  "innovation.contact": "notify.innovation.contact",
  "innovation.projectMember": "notify.innovation.projectMember",
  "innovation.milestoneDone": "notify.innovation.milestoneDone",
  "shipment.late": "notify.shipment.late",
  "materials.contact": "notify.materials.contact",
};

/**
 * The sentence shown for a notification, in the reader's language: the server sends the kind and
 * both names of every org, never a finished sentence.
 */
export function notificationText(n: Notification, deps: NotificationTextDeps): string {
  const p = n.params;
  const name = (prefix: string) => deps.pick(p[`${prefix}NameZh`], p[`${prefix}NameEn`]);
  const params: MessageParams = {
    owner: name("owner"),
    requester: name("requester"),
    grantor: name("grantor"),
    grantee: name("grantee"),
    dataClass: p.dataClass ? deps.tEnum("dataClass", p.dataClass) : "",
    date: p.expiresAt ? deps.date(p.expiresAt) : "",
    tag: p.tag ?? "",
    priority: p.priority ? deps.tEnum("alarmPriority", p.priority) : "",
    from: name("fromOrg"),
    title: p.listingTitle ?? p.project ?? p.milestone ?? p.consignee ?? "",
    tracking: p.trackingNo ?? "",
  };
  const text = deps.t(KEYS[n.kind], params);
  const extra = p.reason || p.note;
  return extra ? `${text}${deps.t("notify.because", { reason: extra })}` : text;
}
