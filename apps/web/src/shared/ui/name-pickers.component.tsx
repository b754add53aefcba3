import { DISTRICT_NAMES, INDUSTRY_NAMES } from "@clusterbrain/contracts";
import { AutoComplete, Select } from "antd";
import { useMemo } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";

interface PickerProps {
  value?: string;
  onChange?: (value: string) => void;
  testId?: string;
}

/**
 * District picker (GB/T 2260 names of Jiaxing): the stored value stays the Chinese name, the
 * reader sees it in the chosen language. Used inside an antd Form.Item (value/onChange).
 */
export function DistrictPicker({ value, onChange, testId }: PickerProps) {
  const { fmt } = useI18n();
  const options = useMemo(
    () => DISTRICT_NAMES.map((d) => ({ value: d.zh, label: fmt.district(d.zh) })),
    [fmt],
  );
  return (
    <Select
      data-testid={testId}
      value={value === "" ? undefined : value}
      onChange={(v: string | undefined) => onChange?.(v ?? "")}
      options={options}
      allowClear
      showSearch={{ optionFilterProp: "label" }}
    />
  );
}

/**
 * GB/T 4754-2017 industry class picker: suggests the named classes by code or name in the chosen
 * language, and still takes any other four-digit class typed in (the form's pattern checks it).
 */
export function IndustryPicker({ value, onChange, testId }: PickerProps) {
  const { fmt } = useI18n();
  const all = useMemo(
    () => Object.keys(INDUSTRY_NAMES).map((code) => ({ value: code, label: fmt.industry(code) })),
    [fmt],
  );
  const typed = (value ?? "").trim().toLowerCase();
  const options = typed === "" ? all : all.filter((o) => o.label.toLowerCase().includes(typed));
  return (
    <AutoComplete
      data-testid={testId}
      value={value}
      onChange={(v: string) => onChange?.(v)}
      options={options}
    />
  );
}
