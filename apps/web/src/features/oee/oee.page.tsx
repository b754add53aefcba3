import { Tabs, Typography } from "antd";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useMe } from "../../shared/auth/session.context.tsx";
import { LineOverviewTab } from "./line-overview.tab.tsx";
import { OeeBenchmarkTab } from "./oee-benchmark.tab.tsx";
import { OeeReportTab } from "./oee-report.tab.tsx";

/** OEE of my org: line overview, the report per line/machine and shift/day, the cluster benchmark. */
export default function OeePage() {
  const { t } = useI18n();
  const me = useMe();
  // The server decides (policy monitoring.operate); this only hides the button.
  const canRecord = me.role !== "viewer";
  return (
    <div data-testid="oee-page">
      <Typography.Title level={3}>{t("oee.title")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("oee.intro")}</Typography.Paragraph>
      <Tabs
        destroyOnHidden
        items={[
          { key: "lines", label: t("oee.tab.lines"), children: <LineOverviewTab /> },
          { key: "report", label: t("oee.tab.report"), children: <OeeReportTab canRecord={canRecord} /> },
          { key: "benchmark", label: t("oee.tab.benchmark"), children: <OeeBenchmarkTab /> },
        ]}
      />
    </div>
  );
}
