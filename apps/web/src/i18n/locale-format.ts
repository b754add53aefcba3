import {
  districtName,
  industryLabel,
  SERVER_MESSAGE_KEYS,
  type ServerMessageKey,
  type ServerMessageParams,
} from "@clusterbrain/contracts";
import { type Locale, translate } from "./translate.ts";

/** The BCP 47 tag Intl formats with: Chinese as in mainland China, English with day-month order. */
export function intlTag(locale: Locale): string {
  return locale === "en" ? "en-GB" : "zh-CN";
}

export const langOf = (locale: Locale): "zh" | "en" => (locale === "en" ? "en" : "zh");

/** The cluster's time zone: dates read the same wherever the browser is. */
const TIME_ZONE = "Asia/Shanghai";

export function formatNumber(locale: Locale, n: number, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits }).format(n);
}

export function formatDate(locale: Locale, iso: string | Date): string {
  return new Intl.DateTimeFormat(intlTag(locale), { dateStyle: "medium", timeZone: TIME_ZONE }).format(
    new Date(iso),
  );
}

export function formatDateTime(locale: Locale, iso: string | Date): string {
  return new Intl.DateTimeFormat(intlTag(locale), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: TIME_ZONE,
  }).format(new Date(iso));
}

/** "A、B和C" in Chinese, "A, B and C" in English (Intl.ListFormat). */
export function formatList(locale: Locale, items: readonly string[]): string {
  return new Intl.ListFormat(intlTag(locale), { style: "long", type: "conjunction" }).format(items);
}

export const districtLabel = (locale: Locale, stored: string): string => districtName(stored, langOf(locale));
export const industryText = (locale: Locale, code: string): string => industryLabel(code, langOf(locale));

/** What the server said, as a translatable text: its key and params, and its English message. */
export interface ServerText {
  key?: string;
  params?: ServerMessageParams;
  message: string;
}

function isServerKey(key: string | undefined): key is ServerMessageKey {
  return key !== undefined && (SERVER_MESSAGE_KEYS as readonly string[]).includes(key);
}

/**
 * A server text in the chosen language: its key translated with its params when the web knows
 * the key; otherwise the English message in the English UI and nothing (null) in the Chinese UI,
 * which then shows only the translated headline of the error code.
 */
export function serverText(locale: Locale, text: ServerText): string | null {
  if (isServerKey(text.key)) return translate(locale, `serverMsg.${text.key}`, text.params ?? {});
  return locale === "en" ? text.message : null;
}
