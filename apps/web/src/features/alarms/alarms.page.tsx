import { Tabs, Typography } from "antd";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useMe } from "../../shared/auth/session.context.tsx";
import { AlarmListTab } from "./alarm-list.tab.tsx";
import { BenchmarkTab } from "./benchmark.tab.tsx";
import { ChannelsTab } from "./channels.tab.tsx";
import { DetectorsTab } from "./detectors.tab.tsx";
import { FloodTab } from "./flood.tab.tsx";
import { SpcTab } from "./spc.tab.tsx";

/** Alarms and early warning of my org: the alarm list and the per-tag detector settings. */
export default function AlarmsPage() {
  const { t } = useI18n();
  const me = useMe();
  // The server decides (policy monitoring.operate / monitoring.configure); this only hides buttons.
  const canOperate = me.role !== "viewer";
  const canConfigure = me.role === "owner" || me.role === "admin";
  return (
    <div data-testid="alarms-page">
      <Typography.Title level={3}>{t("alarms.title")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("alarms.intro")}</Typography.Paragraph>
      <Tabs
        destroyOnHidden
        items={[
          { key: "list", label: t("alarms.tab.list"), children: <AlarmListTab canOperate={canOperate} /> },
          { key: "spc", label: t("spc.tab"), children: <SpcTab /> },
          { key: "flood", label: t("alarms.tab.flood"), children: <FloodTab /> },
          { key: "benchmark", label: t("bench.tab"), children: <BenchmarkTab /> },
          {
            key: "detectors",
            label: t("alarms.tab.detectors"),
            children: <DetectorsTab canConfigure={canConfigure} />,
          },
          {
            key: "channels",
            label: t("alarms.tab.channels"),
            children: <ChannelsTab canManage={canConfigure} />,
          },
        ]}
      />
    </div>
  );
}
