import { Select } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { api } from "../api/endpoints.ts";

/** An organisation as a picker holds it: its id and its name in the reader's language. */
export interface PickedOrg {
  value: string;
  label: string;
}

/** Directory search as the user types (debounced, the previous request aborted): the one source of both pickers. */
function useOrgSearch(excludeId: string | undefined) {
  const { pick, locale } = useI18n();
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

  return { options, onSearch: setQ };
}

interface OrgPickerProps {
  value?: string;
  onChange?: (value: string) => void;
  /** Hides one org (e.g. the caller's own: nobody grants to themselves). */
  excludeId?: string;
  placeholder?: string;
  testId?: string;
  allowClear?: boolean;
}

/** Searches the directory as the user types, for choosing an organisation. */
export function OrgPicker({ value, onChange, excludeId, placeholder, testId, allowClear }: OrgPickerProps) {
  const { t } = useI18n();
  const { options, onSearch } = useOrgSearch(excludeId);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch }}
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

/** Several organisations from the directory, names kept with the ids. */
export function OrgMultiPicker({
  value,
  onChange,
  excludeId,
  max,
  placeholder,
  testId,
}: {
  value?: PickedOrg[];
  onChange?: (value: PickedOrg[]) => void;
  excludeId?: string;
  max?: number;
  placeholder?: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const { options, onSearch } = useOrgSearch(excludeId);
  return (
    <Select<PickedOrg[]>
      mode="multiple"
      labelInValue
      maxCount={max}
      showSearch={{ filterOption: false, onSearch }}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      placeholder={placeholder ?? t("grants.granteeSearch")}
      data-testid={testId}
      style={{ minWidth: 280 }}
    />
  );
}
