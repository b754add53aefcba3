import { Tabs, Typography } from "antd";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useMe } from "../../shared/auth/session.context.tsx";
import { ForecastTab } from "./forecast.tab.tsx";
import { InventoryTab } from "./inventory.tab.tsx";
import { MasterDataTab } from "./master-data.tab.tsx";
import { MrpTab } from "./mrp.tab.tsx";

/** The planning workspace of my org: master data → forecast → MRP. */
export default function PlanningPage() {
  const { t } = useI18n();
  const me = useMe();
  // The server decides (policy "planning.write"); this only hides buttons a viewer could not use.
  const canWrite = me.role !== "viewer";
  return (
    <div data-testid="planning-page">
      <Typography.Title level={3}>{t("planning.title")}</Typography.Title>
      <Tabs
        destroyOnHidden
        items={[
          { key: "data", label: t("planning.tabData"), children: <MasterDataTab canWrite={canWrite} /> },
          {
            key: "forecast",
            label: t("planning.tabForecast"),
            children: <ForecastTab canWrite={canWrite} />,
          },
          { key: "mrp", label: t("planning.tabMrp"), children: <MrpTab /> },
          { key: "inventory", label: t("planning.tabInventory"), children: <InventoryTab /> },
        ]}
      />
    </div>
  );
}
