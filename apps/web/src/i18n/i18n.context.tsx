import { App, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import {
  districtLabel,
  formatDate,
  formatDateTime,
  formatList,
  formatNumber,
  industryText,
  type ServerText,
  serverText,
} from "./locale-format.ts";
import {
  isMessageKey,
  LOCALE_STORAGE_KEY,
  type Locale,
  type MessageParams,
  parseLocale,
  translate,
} from "./translate.ts";
import type { MessageKey } from "./zh-cn.messages.ts";

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
  /** Translates `${prefix}.${value}` when such a key exists, else shows the raw value (e.g. a new enum member). */
  tEnum: (prefix: string, value: string) => string;
  /** Picks the Chinese or English form of a bilingual name, falling back to whichever exists. */
  pick: (zh: string | null | undefined, enText: string | null | undefined) => string;
  /** Locale-aware formatting (Intl) and reference names: see locale-format.ts. */
  fmt: LocaleFormat;
}

export interface LocaleFormat {
  number: (n: number, maximumFractionDigits?: number) => string;
  date: (iso: string | Date) => string;
  dateTime: (iso: string | Date) => string;
  list: (items: readonly string[]) => string;
  district: (stored: string) => string;
  industry: (code: string) => string;
  server: (text: ServerText) => string | null;
}

function localeFormat(locale: Locale): LocaleFormat {
  return {
    number: (n, digits) => formatNumber(locale, n, digits),
    date: (iso) => formatDate(locale, iso),
    dateTime: (iso) => formatDateTime(locale, iso),
    list: (items) => formatList(locale, items),
    district: (stored) => districtLabel(locale, stored),
    industry: (code) => industryText(locale, code),
    server: (text) => serverText(locale, text),
  };
}

const I18nContext = createContext<I18n | null>(null);

function readStoredLocale(): Locale {
  try {
    return parseLocale(globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY));
  } catch {
    return parseLocale(null);
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Private mode or disabled storage: the choice simply lasts for this page only.
    }
  }, []);

  // Screen readers and CJK font selection follow the page language.
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate(locale, "app.title");
  }, [locale]);

  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, params) => translate(locale, key, params),
      tEnum: (prefix, raw) => {
        const key = `${prefix}.${raw}`;
        return isMessageKey(key) ? translate(locale, key) : raw;
      },
      pick: (zh, enText) => (locale === "en" ? enText || zh || "" : zh || enText || ""),
      fmt: localeFormat(locale),
    }),
    [locale, setLocale],
  );

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={locale === "en" ? enUS : zhCN}>
        {/* antd's App gives App.useApp() its message/modal context (the alarm tabs use it). */}
        <App>{children}</App>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (ctx === null) throw new Error("useI18n must be used inside <I18nProvider>");
  return ctx;
}
