import type { Notification } from "@clusterbrain/contracts";
import { describe, expect, it } from "vitest";
import { translate } from "../../i18n/translate.ts";
import { notificationText } from "./notification-text.ts";

const HAN = /\p{Script=Han}/u;

function deps(locale: "zh-CN" | "en") {
  return {
    t: (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
      translate(locale, key, params),
    tEnum: (prefix: string, value: string) => `${prefix}:${value}`,
    pick: (zh: string | null | undefined, en: string | null | undefined) => (locale === "en" ? en : zh) ?? "",
    date: (iso: string) => iso.slice(0, 10),
  };
}

const revoked: Notification = {
  id: "n1",
  kind: "grant.revoked",
  params: {
    grantorNameZh: "和联",
    grantorNameEn: "Helian",
    granteeNameZh: "华磁",
    granteeNameEn: "Huaci",
    dataClass: "indicators",
    expiresAt: "2027-01-01T00:00:00.000Z",
    reason: "project finished",
  },
  link: "/grants",
  createdAt: "2026-12-07T00:00:00.000Z",
  readAt: null,
};

describe("notification text", () => {
  it("names the other org in the reader's language, with the data class and the reason", () => {
    const en = notificationText(revoked, deps("en"));
    expect(en).toContain("Helian");
    expect(en).toContain("dataClass:indicators");
    expect(en).toContain("project finished");
    expect(en).not.toMatch(HAN);
    const zh = notificationText(revoked, deps("zh-CN"));
    expect(zh).toContain("和联");
    expect(zh).not.toContain("Helian");
  });

  it("every kind has a sentence with its placeholders filled", () => {
    for (const kind of [
      "accessRequest.created",
      "accessRequest.approved",
      "accessRequest.declined",
      "grant.created",
      "grant.revoked",
      "grant.expiring",
      "shipment.late",
    ] as const) {
      const text = notificationText(
        { ...revoked, kind, params: { ...revoked.params, reason: "" } },
        deps("en"),
      );
      expect(text, kind).not.toMatch(/\{\w+\}/);
      expect(text.length, kind).toBeGreaterThan(10);
    }
  });

  it("an innovation contact names who wrote and about which listing, in either language", () => {
    const contact: Notification = {
      ...revoked,
      kind: "innovation.contact",
      params: {
        fromOrgNameZh: "嘉兴学院",
        fromOrgNameEn: "Jiaxing University",
        listingTitle: "low-loss cores",
      },
    };
    const en = notificationText(contact, deps("en"));
    expect(en).toContain("Jiaxing University");
    expect(en).toContain("low-loss cores");
    expect(notificationText(contact, deps("zh-CN"))).toContain("嘉兴学院");
  });
});
