import type { GrowthDrillQuery } from "@clusterbrain/contracts";
import { Select, Skeleton, Space, Tabs, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { growthApi } from "./growth.api.ts";
import { DrillDrawer } from "./growth-figure.component.tsx";
import { MacroTab } from "./growth-macro.tab.tsx";
import { MesoTab } from "./growth-meso.tab.tsx";
import { MicroTab } from "./growth-micro.tab.tsx";
import { GrowthReportButton } from "./growth-report.component.tsx";

const TABS = ["micro", "meso", "macro"] as const;
type TabKey = (typeof TABS)[number];

/**
 * Growth dashboards: micro (firm competitiveness), meso (chain synergy), macro (regional spillover).
 * The tab and year live in the URL; each tab loads only when opened; clicking a chart element opens
 * the firms behind it.
 */
export default function GrowthPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.find((k) => k === params.get("tab")) ?? "micro";
  const yearParam = Number(params.get("year"));
  const year = Number.isInteger(yearParam) && yearParam > 0 ? yearParam : undefined;
  const [drill, setDrill] = useState<GrowthDrillQuery | null>(null);
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch))
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    setParams(next, { replace: true });
  };
  const load = useApi(
    async (signal) => {
      if (tab === "micro") return { tab, micro: await growthApi.micro(year, signal) } as const;
      if (tab === "meso") return { tab, meso: await growthApi.meso(year, signal) } as const;
      return { tab, macro: await growthApi.macro(year, signal) } as const;
    },
    [tab, year],
  );
  const years = load.data?.tab === "micro" ? load.data.micro.years : [2021, 2022, 2023, 2024, 2025];
  const shown = load.data && load.data.tab === tab && !load.loading ? load.data : undefined;
  const body = () => {
    if (load.error) return <ErrorAlert error={load.error} onRetry={load.reload} />;
    if (!shown) return <Skeleton active />;
    if (shown.tab === "micro") return <MicroTab data={shown.micro} onDrill={setDrill} />;
    if (shown.tab === "meso") return <MesoTab data={shown.meso} onDrill={setDrill} />;
    return <MacroTab data={shown.macro} onDrill={setDrill} />;
  };
  return (
    <div data-testid="growth-page" data-tab={tab} data-loaded={shown ? "true" : "false"}>
      <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("growth.title")}
        </Typography.Title>
        <Space>
          {t("growth.year")}
          <Select
            style={{ width: 110 }}
            value={year}
            placeholder={String(years.at(-1) ?? "")}
            allowClear
            onChange={(v: number | undefined) => set({ year: v === undefined ? undefined : String(v) })}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            data-testid="growth-year"
          />
          <GrowthReportButton year={year} />
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">
        {t("growth.kNote", { k: 3 })} {t("growth.drillHint")}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k })}
        items={[
          { key: "micro", label: <span data-testid="growth-tab-micro">{t("growth.tabMicro")}</span> },
          { key: "meso", label: <span data-testid="growth-tab-meso">{t("growth.tabMeso")}</span> },
          { key: "macro", label: <span data-testid="growth-tab-macro">{t("growth.tabMacro")}</span> },
        ]}
      />
      {body()}
      <DrillDrawer query={drill} onClose={() => setDrill(null)} />
    </div>
  );
}
