import type { BenchmarkRow } from "@clusterbrain/contracts";
import { Space, Table, Typography } from "antd";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { alarmsApi } from "./alarms.api.ts";

/** Where my firm's Cpk stands against the cluster's quartiles, per process type (k ≥ 3, granted firms only). */
export function BenchmarkTab() {
  const { t, tEnum, fmt } = useI18n();
  const list = useApi((signal) => alarmsApi.benchmarks(signal), []);
  const num = (x: number | null) => (x === null ? "—" : fmt.number(x, 2));
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Typography.Paragraph type="secondary">
        {t("bench.help", { days: list.data?.days ?? 7 })}
      </Typography.Paragraph>
      <ErrorAlert error={list.error} />
      <Table<BenchmarkRow>
        rowKey="processType"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t("bench.empty") }}
        pagination={false}
        scroll={{ x: 700 }}
        data-testid="benchmark-table"
        columns={[
          {
            key: "process",
            title: t("bench.col.process"),
            render: (_, r) => tEnum("devices.process", r.processType),
          },
          {
            key: "firms",
            title: t("bench.col.firms"),
            render: (_, r) => (r.suppressed ? t("bench.suppressed") : String(r.firms)),
          },
          { key: "q1", title: t("bench.col.q1"), render: (_, r) => num(r.q1) },
          { key: "median", title: t("bench.col.median"), render: (_, r) => num(r.median) },
          { key: "q3", title: t("bench.col.q3"), render: (_, r) => num(r.q3) },
          { key: "mine", title: t("bench.col.mine"), render: (_, r) => num(r.mine) },
          {
            key: "quartile",
            title: t("bench.col.quartile"),
            render: (_, r) => (r.myQuartile === null ? "—" : t("bench.quartile", { n: r.myQuartile })),
          },
        ]}
      />
    </Space>
  );
}
