import type { FloodReport } from "@clusterbrain/contracts";
import { Tag as AntTag, InputNumber, Select, Space, Statistic, Table, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { alarmsApi } from "./alarms.api.ts";

const BAND_COLOR = {
  very_likely_acceptable: "green",
  manageable: "blue",
  over_demanding: "orange",
  unacceptable: "red",
} as const;

type Chatter = FloodReport["chattering"][number];
type BadActor = FloodReport["badActors"][number];

/** Alarm-system health: rate per operator-hour against EEMUA 191, floods, bad actors, chattering tags. */
export function FloodTab() {
  const { t, fmt } = useI18n();
  const [hours, setHours] = useState(24);
  const [operators, setOperators] = useState(1);
  const report = useApi((signal) => alarmsApi.flood({ hours, operators }, signal), [hours, operators]);
  const f = report.data;
  const n = (v: number, digits = 1) => fmt.number(v, digits);
  const pct = (v: number) => `${fmt.number(v * 100, 1)}%`;
  return (
    <Space direction="vertical" style={{ width: "100%" }} size="middle" data-testid="flood-tab">
      <Typography.Paragraph type="secondary">{t("flood.help")}</Typography.Paragraph>
      <Space wrap>
        <Select
          value={hours}
          onChange={setHours}
          style={{ width: 140 }}
          options={[1, 8, 24, 24 * 7, 24 * 30].map((h) => ({
            value: h,
            label: t("flood.hours", { hours: h }),
          }))}
        />
        <span>{t("flood.operators")}</span>
        <InputNumber min={1} max={100} value={operators} onChange={(v) => setOperators(v ?? 1)} />
      </Space>
      {report.error ? <ErrorAlert error={report.error} /> : null}
      {f && (
        <Space wrap size="large" data-testid="flood-summary" data-band={f.band} data-total={f.total}>
          <Statistic title={t("flood.total")} value={f.total} />
          <Statistic title={t("flood.rate")} value={n(f.perOperatorHour, 2)} />
          <Space direction="vertical" size={0}>
            <Typography.Text type="secondary">{t("flood.band")}</Typography.Text>
            <AntTag color={BAND_COLOR[f.band]}>{t(`flood.band.${f.band}`)}</AntTag>
          </Space>
          <Statistic title={t("flood.peakHour")} value={n(f.peakHour)} />
          <Statistic title={t("flood.peak10")} value={n(f.peak10Minutes)} />
          <Statistic title={t("flood.floods")} value={`${f.floodIntervals} (${pct(f.floodShare)})`} />
        </Space>
      )}
      <Typography.Title level={5}>{t("flood.badActors")}</Typography.Title>
      <Table<BadActor>
        rowKey="tagId"
        size="small"
        pagination={false}
        loading={report.loading}
        dataSource={f?.badActors ?? []}
        locale={{ emptyText: t("alarms.empty") }}
        data-testid="bad-actor-table"
        columns={[
          { key: "tag", title: t("alarms.col.tag"), render: (_, b) => b.tagKey },
          { key: "count", title: t("flood.count"), render: (_, b) => b.count },
          { key: "share", title: t("flood.share"), render: (_, b) => pct(b.share) },
        ]}
      />
      <Typography.Title level={5}>{t("flood.chattering")}</Typography.Title>
      <Table<Chatter>
        rowKey="tagId"
        size="small"
        pagination={false}
        loading={report.loading}
        dataSource={f?.chattering ?? []}
        locale={{ emptyText: t("flood.noChatter") }}
        scroll={{ x: 800 }}
        data-testid="chatter-table"
        columns={[
          { key: "tag", title: t("alarms.col.tag"), render: (_, c) => c.tagKey },
          { key: "raises", title: t("flood.count"), render: (_, c) => c.raises },
          { key: "max", title: t("flood.maxIn60s"), render: (_, c) => c.maxIn60s },
          {
            key: "deadband",
            title: t("flood.deadband"),
            render: (_, c) => (c.suggestedDeadband === null ? "—" : `${n(c.suggestedDeadband, 4)} ${c.unit}`),
          },
          { key: "on", title: t("flood.onDelay"), render: (_, c) => `${c.suggestedOnDelaySeconds} s` },
          { key: "off", title: t("flood.offDelay"), render: (_, c) => `${c.suggestedOffDelaySeconds} s` },
        ]}
      />
    </Space>
  );
}
