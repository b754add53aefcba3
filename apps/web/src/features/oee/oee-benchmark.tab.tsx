import type { OeeBenchmarkRow } from "@clusterbrain/contracts";
import { Space, Table, Typography } from "antd";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { oeeApi } from "./oee.api.ts";
import { percent } from "./oee-format.tsx";

/** Where my firm's OEE stands against the cluster's quartiles, per process type (k ≥ 3, granted firms only). */
export function OeeBenchmarkTab() {
  const { t, tEnum } = useI18n();
  const list = useApi((signal) => oeeApi.benchmarks(signal), []);
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Typography.Paragraph type="secondary">
        {t("oee.bench.help", { days: list.data?.days ?? 7 })}
      </Typography.Paragraph>
      {list.error !== null && <ErrorAlert error={list.error} />}
      <Table<OeeBenchmarkRow>
        rowKey="processType"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t("oee.bench.empty") }}
        pagination={false}
        scroll={{ x: 700 }}
        data-testid="oee-benchmark-table"
        columns={[
          {
            key: "process",
            title: t("oee.bench.col.process"),
            render: (_, r) => tEnum("devices.process", r.processType),
          },
          {
            key: "firms",
            title: t("oee.bench.col.firms"),
            render: (_, r) => (r.suppressed ? t("oee.bench.suppressed") : String(r.firms)),
          },
          { key: "q1", title: t("oee.bench.col.q1"), render: (_, r) => percent(r.q1) },
          { key: "median", title: t("oee.bench.col.median"), render: (_, r) => percent(r.median) },
          { key: "q3", title: t("oee.bench.col.q3"), render: (_, r) => percent(r.q3) },
          { key: "mine", title: t("oee.bench.col.mine"), render: (_, r) => percent(r.mine) },
          {
            key: "quartile",
            title: t("oee.bench.col.quartile"),
            render: (_, r) => (r.myQuartile === null ? "—" : t("oee.bench.quartile", { n: r.myQuartile })),
          },
        ]}
      />
    </Space>
  );
}
