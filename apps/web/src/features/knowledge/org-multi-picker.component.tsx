import { Select } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { api } from "../../shared/api/endpoints.ts";

export interface PickedOrg {
  value: string;
  label: string;
}

/** Several organisations from the directory (searched as the user types), names kept with the ids. */
export function OrgMultiPicker({
  value,
  onChange,
  excludeId,
  max,
  testId,
}: {
  value?: PickedOrg[];
  onChange?: (value: PickedOrg[]) => void;
  excludeId?: string;
  max?: number;
  testId?: string;
}) {
  const { t, pick, locale } = useI18n();
  const [q, setQ] = useState("");
  const [options, setOptions] = useState<PickedOrg[]>([]);

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
    <Select<PickedOrg[]>
      mode="multiple"
      labelInValue
      maxCount={max}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      placeholder={t("knowledge.audienceSearch")}
      data-testid={testId}
      style={{ minWidth: 280 }}
    />
  );
}
