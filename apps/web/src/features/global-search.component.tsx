import { SearchOutlined } from "@ant-design/icons";
import { AutoComplete, Input } from "antd";
import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { useI18n } from "../i18n/i18n.context.tsx";
import { type SearchHit, searchAll } from "../shared/search/search.registry.ts";
import { searchProviders } from "./search.providers.ts";

type Groups = Awaited<ReturnType<typeof searchAll>>;

/** The header's search box: every registered provider, grouped, debounced; Enter on a hit opens it. */
export default function GlobalSearch() {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const [text, setText] = useState("");
  const [groups, setGroups] = useState<Groups>([]);
  const pending = useRef<AbortController | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => {
      pending.current?.abort();
      const controller = new AbortController();
      pending.current = controller;
      searchAll(searchProviders, text, { pick, signal: controller.signal }).then((g) => {
        if (!controller.signal.aborted) setGroups(g);
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [text, pick]);

  const byValue = new Map<string, SearchHit>();
  const options = groups.map((g) => ({
    label: t(g.provider.label),
    options: g.hits.map((h) => {
      const value = `${g.provider.key}:${h.key}`;
      byValue.set(value, h);
      return {
        value,
        label: (
          <span data-testid="global-search-hit">
            {h.title}
            {h.subtitle ? <span style={{ color: "#8c8c8c", marginLeft: 8 }}>{h.subtitle}</span> : null}
          </span>
        ),
      };
    }),
  }));

  return (
    <AutoComplete
      style={{ width: 260 }}
      options={options}
      value={text}
      onChange={setText}
      onSelect={(value: string) => {
        const hit = byValue.get(value);
        setText("");
        if (hit) navigate(hit.to);
      }}
      data-testid="global-search"
    >
      <Input prefix={<SearchOutlined />} placeholder={t("search.placeholder")} allowClear />
    </AutoComplete>
  );
}
