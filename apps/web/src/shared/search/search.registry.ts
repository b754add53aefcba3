import type { MessageKey } from "../../i18n/zh-cn.messages.ts";

/** One thing the global search box found. */
export interface SearchHit {
  key: string;
  title: string;
  subtitle?: string;
  /** In-app path to open. */
  to: string;
}

/** What a provider gets to phrase its hits in the reader's language. */
export interface SearchContext {
  pick: (zh: string | null | undefined, en: string | null | undefined) => string;
  signal: AbortSignal;
}

/**
 * A source of global-search hits. Each module that wants to be found adds ONE provider to
 * `searchProviders` (src/features/search.providers.ts); the box asks them all in parallel and shows
 * their hits grouped under `label`.
 */
export interface SearchProvider {
  key: string;
  label: MessageKey;
  search(text: string, ctx: SearchContext): Promise<SearchHit[]>;
}

/** Asks every provider; one failing provider leaves the others' hits standing. */
export async function searchAll(
  providers: readonly SearchProvider[],
  text: string,
  ctx: SearchContext,
): Promise<{ provider: SearchProvider; hits: SearchHit[] }[]> {
  const q = text.trim();
  if (q.length === 0) return [];
  const answers = await Promise.all(
    providers.map(async (provider) => ({
      provider,
      hits: await provider.search(q, ctx).catch(() => [] as SearchHit[]),
    })),
  );
  return answers.filter((a) => a.hits.length > 0);
}
