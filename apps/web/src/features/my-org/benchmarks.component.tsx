import { BENCHMARK_FIELDS, type Benchmarks, type SuppressedNumber } from "@clusterbrain/contracts";
import { Card, Select, Skeleton, Table, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import type { MessageKey } from "../../i18n/zh-cn.messages.ts";
import { api } from "../../shared/api/endpoints.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";

const LABEL: Record<(typeof BENCHMARK_FIELDS)[number], MessageKey> = {
  revenue: "indicator.revenue",
  rdSpend: "indicator.rdSpend",
  exports: "indicator.exports",
  employees: "indicator.employees",
  patents: "indicator.patents",
  energyUse: "indicator.energyUse",
};

/** My org's indicators beside the medians of the cluster and of firms on the same chain nodes (k ≥ 3). */
export function BenchmarksCard({ orgId }: { orgId: string }) {
  const { t, locale } = useI18n();
  const data = useApi((signal) => api.stats.benchmarks(orgId, signal), [orgId]);
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const years = data.data?.years ?? [];
  const year = chosen ?? years.at(-1)?.year;
  const row = years.find((y) => y.year === year);
  const fmt = (v: number | null | undefined) =>
    v === null || v === undefined ? "—" : Math.round(v).toLocaleString(locale === "en" ? "en-GB" : "zh-CN");
  const median = (m: SuppressedNumber) => (m.suppressed ? t("benchmarks.withheld") : fmt(m.value));
  const rows = (b: Benchmarks["years"][number]) =>
    BENCHMARK_FIELDS.map((f) => ({
      key: f,
      label: t(LABEL[f]),
      own: b.own?.[f],
      peers: b.peers[f],
      cluster: b.cluster[f],
    }));

  return (
    <Card
      size="small"
      title={t("benchmarks.title")}
      data-testid="benchmarks"
      style={{ marginBottom: 16 }}
      extra={
        <Select
          size="small"
          style={{ width: 100 }}
          value={year}
          options={years.map((y) => ({ value: y.year, label: String(y.year) }))}
          onChange={(v: number) => setChosen(v)}
        />
      }
    >
      {data.error !== null && <ErrorAlert error={data.error} onRetry={data.reload} />}
      {data.loading ? (
        <Skeleton active />
      ) : row === undefined ? (
        <Typography.Text type="secondary">{t("benchmarks.none")}</Typography.Text>
      ) : (
        <>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={rows(row)}
            columns={[
              { title: t("benchmarks.indicator"), dataIndex: "label", key: "label" },
              { title: t("benchmarks.own"), key: "own", align: "right", render: (_, r) => fmt(r.own) },
              {
                title: t("benchmarks.peers", { count: data.data?.peerCount ?? 0 }),
                key: "peers",
                align: "right",
                render: (_, r) => median(r.peers),
              },
              {
                title: t("benchmarks.cluster"),
                key: "cluster",
                align: "right",
                render: (_, r) => median(r.cluster),
              },
            ]}
          />
          <Typography.Text type="secondary">{t("benchmarks.note", { k: data.data?.k ?? 3 })}</Typography.Text>
        </>
      )}
    </Card>
  );
}
