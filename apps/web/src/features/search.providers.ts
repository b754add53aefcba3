import type { ChainNode } from "@clusterbrain/contracts";
import { api } from "../shared/api/endpoints.ts";
import type { SearchProvider } from "../shared/search/search.registry.ts";

let nodes: Promise<ChainNode[]> | undefined;

/** Organisations by name, product or USCC (the directory's own search), top 5. */
const orgs: SearchProvider = {
  key: "orgs",
  label: "search.orgs",
  async search(text, { pick, signal }) {
    const page = await api.orgs.search({ q: text, pageSize: 5 }, signal);
    return page.items.map((o) => ({
      key: o.id,
      title: pick(o.nameZh, o.nameEn),
      subtitle: o.district,
      to: `/orgs/${encodeURIComponent(o.id)}`,
    }));
  },
};

/** Chain nodes by name (either language) or code; opens the chain map focused on the node. */
const chainNodes: SearchProvider = {
  key: "chain-nodes",
  label: "search.chainNodes",
  async search(text, { pick }) {
    nodes ??= api.chain.nodes().then((r) => r.items);
    const q = text.toLowerCase();
    return (await nodes)
      .filter((n) => [n.nameZh, n.nameEn, n.code].some((s) => s.toLowerCase().includes(q)))
      .slice(0, 5)
      .map((n) => ({
        key: n.id,
        title: pick(n.nameZh, n.nameEn),
        subtitle: n.code,
        to: `/chain?node=${encodeURIComponent(n.id)}`,
      }));
  },
};

/** THE list of global-search providers: a module that wants to be found adds one line here. */
export const searchProviders: readonly SearchProvider[] = [orgs, chainNodes];
