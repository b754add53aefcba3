import { Tabs, Typography } from "antd";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { LotTimelineTab } from "./lot-timeline.tab.tsx";
import { RecallDrillTab } from "./recall-drill.tab.tsx";

/** Traceability of my org: recall drill over the lot graph, and the signed lot-event timeline. */
export default function TracePage() {
  const { t } = useI18n();
  return (
    <div data-testid="trace-page">
      <Typography.Title level={3}>{t("trace.title")}</Typography.Title>
      <Tabs
        destroyOnHidden
        items={[
          { key: "recall", label: t("trace.tabRecall"), children: <RecallDrillTab /> },
          { key: "timeline", label: t("trace.tabTimeline"), children: <LotTimelineTab /> },
        ]}
      />
    </div>
  );
}
