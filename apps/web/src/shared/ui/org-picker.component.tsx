import { Select } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { api } from "../api/endpoints.ts";

interface OrgPickerProps {
  value?: string;
  onChange?: (value: string) => void;
  /** Hides one org (e.g. the caller's own: nobody grants to themselves). */
  excludeId?: string;
  placeholder?: string;
  testId?: string;
  allowClear?: boolean;
}

/** Searches the directory as the user types (debounced), for choosing an organisation. */
export function OrgPicker({ value, onChange, excludeId, placeholder, testId, allowClear }: OrgPickerProps) {
  const { t, pick, locale } = useI18n();
  const [q, setQ] = useState("");
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.orgs
        .search(
          { q: q === "" ? undefined : q, pageSize: 20, lang: locale === "en" ? "en" : "zh" },
          controller.signal,
        )
        .then(
          (page) =>
            setOptions(
              page.items
                .filter((o) => o.id !== excludeId)
                .map((o) => ({ value: o.id, label: pick(o.nameZh, o.nameEn) })),
            ),
          () => setOptions([]),
        );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, excludeId, pick, locale]);

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v ?? "")}
      options={options}
      allowClear={allowClear}
      placeholder={placeholder ?? t("grants.granteeSearch")}
      data-testid={testId}
      style={{ minWidth: 220 }}
    />
  );
}
