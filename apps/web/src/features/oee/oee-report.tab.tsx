import {
  type DowntimeRow,
  type OeePeriod,
  type OeePeriodRow,
  routeTable,
  routeUrl,
} from "@clusterbrain/contracts";
import { Button, Card, Col, Descriptions, Empty, Row, Select, Space, Statistic, Table } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { langOf } from "../../i18n/locale-format.ts";
import { callRoute } from "../../shared/api/route.client.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { Chart } from "../../shared/charts/chart.component.tsx";
import { DataText } from "../../shared/ui/data-text.component.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { ReportJobButton } from "../../shared/ui/report-job-button.component.tsx";
import { DowntimeDialog } from "./downtime.dialog.tsx";
import { oeeApi } from "./oee.api.ts";
import { paretoOption, trendOption } from "./oee-chart.option.ts";
import { percent, ReasonText, StateTag } from "./oee-format.tsx";

const DAY = 86_400_000;
const RANGES = [1, 7, 30] as const;
const REFRESH_MS = 15_000;
const LOSSES = [
  "breakdowns",
  "setupAdjustments",
  "smallStops",
  "reducedSpeed",
  "startupRejects",
  "productionRejects",
  "unaccounted",
] as const;

/** A line's (or a machine's) OEE per shift or day: trend, A/P/Q, losses, downtime Pareto and stops; export. */
export function OeeReportTab({ canRecord }: { canRecord: boolean }) {
  const { t, tEnum, fmt, locale } = useI18n();
  const lines = useApi((signal) => oeeApi.lines(signal), []);
  const [lineId, setLineId] = useState<string | undefined>();
  const [machineId, setMachineId] = useState<string | undefined>();
  const [days, setDays] = useState<number>(7);
  const [by, setBy] = useState<OeePeriod>("shift");
  const [asOf, setAsOf] = useState(() => Date.now());
  const [recording, setRecording] = useState(false);
  const line = lines.data?.items.find((l) => l.id === lineId) ?? lines.data?.items[0];
  const query = line
    ? {
        lineId: line.id,
        machineId,
        from: new Date(asOf - days * DAY).toISOString(),
        to: new Date(asOf).toISOString(),
        by,
      }
    : null;
  const report = useApi(
    (signal) => (query ? oeeApi.report(query, signal) : Promise.resolve(null)),
    [query?.lineId, machineId, days, by, asOf],
  );
  useEffect(() => {
    const timer = setInterval(() => setAsOf(Date.now()), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const data = report.data;
  const trend = useMemo(() => {
    if (!data) return null;
    const periodLabel = (p: OeePeriodRow) =>
      p.shift ? `${fmt.date(p.start)} ${t(`oee.shift.${p.shift}`)}` : fmt.date(p.start);
    return trendOption(data.periods, {
      oee: t("oee.figure.oee"),
      availability: t("oee.figure.availability"),
      performance: t("oee.figure.performance"),
      quality: t("oee.figure.quality"),
      period: periodLabel,
    });
  }, [data, t, fmt]);
  const pareto = useMemo(
    () =>
      data
        ? paretoOption(data.pareto, {
            minutes: t("oee.pareto.minutes"),
            cumulative: t("oee.pareto.cumulative"),
            reason: (r) => `${tEnum("oee.state", r.state)} · ${tEnum("oee.reason", r.reason)}`,
          })
        : null,
    [data, t, tEnum],
  );

  return (
    <Space direction="vertical" style={{ width: "100%" }} size="middle" data-testid="oee-report">
      <Space wrap>
        <Select
          style={{ minWidth: 200 }}
          placeholder={t("oee.line")}
          value={line?.id}
          onChange={(v: string) => {
            setLineId(v);
            setMachineId(undefined);
          }}
          options={(lines.data?.items ?? []).map((l) => ({ value: l.id, label: <DataText text={l.name} /> }))}
          data-testid="oee-line-select"
        />
        <Select
          allowClear
          style={{ minWidth: 200 }}
          placeholder={t("oee.allMachines")}
          value={machineId}
          onChange={(v?: string) => setMachineId(v)}
          options={(line?.machines ?? []).map((m) => ({
            value: m.machineId,
            label: <DataText text={m.name} />,
          }))}
          data-testid="oee-machine-select"
        />
        <Select
          style={{ minWidth: 140 }}
          value={days}
          onChange={setDays}
          options={RANGES.map((d) => ({ value: d, label: t(`oee.range.${d}`) }))}
        />
        <Select
          style={{ minWidth: 100 }}
          value={by}
          onChange={setBy}
          options={(["shift", "day"] as const).map((b) => ({ value: b, label: t(`oee.by.${b}`) }))}
        />
        <Button onClick={() => setAsOf(Date.now())} data-testid="oee-refresh">
          {t("oee.refresh")}
        </Button>
        {query && (
          <Button href={oeeApi.exportUrl(query, langOf(locale))} download data-testid="oee-export">
            {t("oee.export")}
          </Button>
        )}
        {query && (
          <ReportJobButton
            // Remounted per view (not per 15 s refresh), so a report never offers another view's files.
            key={`${query.lineId}-${query.machineId ?? ""}-${days}-${by}`}
            start={() => callRoute(routeTable.oee.startReport, { body: { ...query, lang: langOf(locale) } })}
            files={(id) => ({
              pdf: routeUrl(routeTable.reports.pdf, { id }),
              xlsx: routeUrl(routeTable.reports.xlsx, { id }),
            })}
            label={t("oee.reportPdf")}
            testId="oee-report-pdf"
          />
        )}
        {canRecord && line && (
          <Button onClick={() => setRecording(true)} data-testid="oee-record">
            {t("oee.record")}
          </Button>
        )}
      </Space>
      {(lines.error ?? report.error) !== null && <ErrorAlert error={lines.error ?? report.error} />}
      {lines.data?.items.length === 0 && <Empty description={t("oee.noLines")} />}
      {data && (
        <>
          <Row gutter={16} data-testid="oee-kpis">
            {(["oee", "availability", "performance", "quality"] as const).map((k) => (
              <Col key={k} xs={12} md={6}>
                <Card size="small">
                  <Statistic
                    title={t(`oee.figure.${k}`)}
                    value={percent(data.total[k])}
                    valueRender={(node) => <span data-testid={`oee-kpi-${k}`}>{node}</span>}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title={t("oee.trend")}>
            {trend && <Chart option={trend} testId="oee-trend" height={300} />}
          </Card>
          <Row gutter={16}>
            <Col xs={24} lg={14}>
              <Card size="small" title={t("oee.pareto")}>
                {pareto && <Chart option={pareto} testId="oee-pareto" height={300} />}
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card size="small" title={t("oee.losses")}>
                <Descriptions size="small" column={1} data-testid="oee-losses">
                  {LOSSES.map((k) => (
                    <Descriptions.Item key={k} label={t(`oee.loss.${k}`)}>
                      {fmt.number(data.total.losses[k], 1)}
                    </Descriptions.Item>
                  ))}
                </Descriptions>
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t("oee.downtime")}>
            <Table<DowntimeRow>
              rowKey="id"
              size="small"
              dataSource={data.downtime}
              locale={{ emptyText: t("oee.noDowntime") }}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              scroll={{ x: 800 }}
              data-testid="oee-downtime-table"
              onRow={(d) => ({ "data-reason": d.reason, "data-state": d.state }) as object}
              columns={[
                {
                  key: "machine",
                  title: t("oee.col.machine"),
                  render: (_, d) => <DataText text={d.machineName} />,
                },
                { key: "state", title: t("oee.col.state"), render: (_, d) => <StateTag state={d.state} /> },
                {
                  key: "reason",
                  title: t("oee.col.reason"),
                  render: (_, d) => <ReasonText reason={d.reason} />,
                },
                { key: "start", title: t("oee.col.start"), render: (_, d) => fmt.dateTime(d.start) },
                {
                  key: "end",
                  title: t("oee.col.end"),
                  render: (_, d) => (d.end ? fmt.dateTime(d.end) : t("oee.ongoing")),
                },
                { key: "minutes", title: t("oee.col.minutes"), render: (_, d) => fmt.number(d.minutes, 1) },
                {
                  key: "source",
                  title: t("oee.col.source"),
                  render: (_, d) => tEnum("oee.source", d.source),
                },
                { key: "note", title: t("oee.col.note"), render: (_, d) => <DataText text={d.note} /> },
              ]}
            />
          </Card>
        </>
      )}
      {recording && line && (
        <DowntimeDialog
          machines={line.machines}
          onClose={(saved) => {
            setRecording(false);
            if (saved) setAsOf(Date.now());
          }}
        />
      )}
    </Space>
  );
}
