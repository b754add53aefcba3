import { en } from "./en.messages.ts";
import { type MessageKey, zhCN } from "./zh-cn.messages.ts";

export type Locale = "zh-CN" | "en";
export const LOCALES: readonly Locale[] = ["zh-CN", "en"];
export const DEFAULT_LOCALE: Locale = "zh-CN";
/** localStorage key under which the chosen language is remembered. */
export const LOCALE_STORAGE_KEY = "clusterbrain.locale";

export type Messages = Record<MessageKey, string>;
export const MESSAGES: Record<Locale, Messages> = { "zh-CN": zhCN, en };

export type MessageParams = Record<string, string | number>;

/** Placeholder names (`{name}`) used in a message, in order of appearance. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

/** Looks a key up and fills `{name}` placeholders; an unknown placeholder is left visible so it gets noticed. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const message = MESSAGES[locale][key];
  if (params === undefined) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Parses a stored or requested language; anything unknown falls back to Chinese, the product's default. */
export function parseLocale(value: string | null | undefined): Locale {
  return value === "en" ? "en" : DEFAULT_LOCALE;
}

/** Narrows a free string (e.g. an enum value from the API) to a message key when one exists. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}
