import { SERVER_MESSAGES } from "@clusterbrain/contracts";
import type { Page } from "playwright-core";

/**
 * English phrases the server writes (its `message` texts): none may reach the Chinese UI. Taken
 * from the server's own wording table (the fixed start of each English template), plus the
 * messages of errors that carry no key.
 */
export const ENGLISH_SERVER_PHRASES: readonly string[] = [
  ...new Set([
    ...Object.values(SERVER_MESSAGES)
      .map((m) => m.en.split("{")[0].replace(/["(]$/, "").trim())
      .filter((p) => p.length >= 10),
    "check character is",
    "is invalid:",
    "email or password is wrong",
    "sign in required",
    "internal error",
    "not found",
    "import file:",
    "must be a GB/T 4754-2017 code",
  ]),
];

/**
 * Visible text of the page that is in the other language: Han characters in the English UI, or a
 * known English server phrase in the Chinese UI. Text inside an element marked with the other
 * language (`lang="zh-CN"` on a firm's registered Chinese name, the "中文" switch) is data or a
 * deliberate label, and is skipped.
 */
export async function foreignText(page: Page, locale: "zh-CN" | "en"): Promise<string[]> {
  return page.evaluate(
    ({ locale, phrases }) => {
      const han = /\p{Script=Han}/u;
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? "";
        const parent = node.parentElement;
        if (text === "" || parent === null) continue;
        if (parent.closest("script, style, noscript, [hidden]")) continue;
        if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
        const marked = parent.closest("[lang]")?.getAttribute("lang") ?? locale;
        if (locale === "en") {
          if (!marked.startsWith("zh") && han.test(text)) out.push(text);
        } else if (!marked.startsWith("en")) {
          const lower = text.toLowerCase();
          if (phrases.some((p) => lower.includes(p.toLowerCase()))) out.push(text);
        }
      }
      // Attributes people see too: placeholders and titles.
      for (const el of document.querySelectorAll<HTMLElement>("[placeholder], [title]")) {
        if (!el.checkVisibility()) continue;
        for (const value of [el.getAttribute("placeholder"), el.getAttribute("title")]) {
          if (value === null || value.trim() === "") continue;
          if (locale === "en" && han.test(value)) out.push(`[attr] ${value}`);
        }
      }
      return out;
    },
    { locale, phrases: [...ENGLISH_SERVER_PHRASES] },
  );
}
