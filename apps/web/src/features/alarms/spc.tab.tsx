import { routeTable, routeUrl } from "@clusterbrain/contracts";
import { Alert, Descriptions, Empty, Select, Space, Typography } from "antd";
import { useMemo, useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { callRoute } from "../../shared/api/route.client.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { Chart } from "../../shared/charts/chart.component.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { ReportJobButton } from "../../shared/ui/report-job-button.component.tsx";
import { alarmsApi } from "./alarms.api.ts";
import { spcChartOption, violatingPoints } from "./spc-chart.option.ts";

const HOURS = [1, 8, 24, 168] as const;

/** One tag's individuals chart with limits, zones and rule violations, and its capability. */
export function SpcTab() {
  const { t, fmt, locale } = useI18n();
  const detectors = useApi((signal) => alarmsApi.detectors(signal), []);
  const [tagId, setTagId] = useState<string | undefined>();
  const [hours, setHours] = useState<number>(24);
  const chosen = tagId ?? detectors.data?.items[0]?.tagId;
  const spc = useApi(
    (signal) => (chosen ? alarmsApi.spc(chosen, hours, signal) : Promise.resolve(null)),
    [chosen, hours],
  );
  const option = useMemo(
    () =>
      spc.data
        ? spcChartOption(spc.data, {
            value: t("spc.series.value"),
            center: t("spc.series.center"),
            limit: t("spc.series.limit"),
            zone: t("spc.series.zone"),
            violation: t("spc.series.violation"),
            spec: t("spc.series.spec"),
          })
        : null,
    [spc.data, t],
  );
  const n = (x: number) => fmt.number(x, 2);
  const cap = spc.data?.capability;
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Space wrap>
        <Select
          showSearch
          style={{ minWidth: 200 }}
          placeholder={t("spc.pickTag")}
          value={chosen}
          onChange={setTagId}
          optionFilterProp="label"
          options={(detectors.data?.items ?? []).map((d) => ({ value: d.tagId, label: d.tagKey }))}
          data-testid="spc-tag"
        />
        <Select
          style={{ minWidth: 140 }}
          value={hours}
          onChange={setHours}
          options={HOURS.map((h) => ({ value: h, label: t("spc.hours", { hours: h }) }))}
        />
        {chosen && (
          <ReportJobButton
            // Remounted per tag and range, so a finished report never offers another view's files.
            key={`${chosen}-${hours}`}
            start={() =>
              callRoute(routeTable.monitoring.spcReport, {
                params: { tagId: chosen },
                body: { hours, lang: locale === "en" ? "en" : "zh" },
              })
            }
            files={(id) => ({
              pdf: routeUrl(routeTable.reports.pdf, { id }),
              xlsx: routeUrl(routeTable.reports.xlsx, { id }),
            })}
            label={t("spc.export")}
            testId="spc-report"
          />
        )}
      </Space>
      <ErrorAlert error={detectors.error ?? spc.error} />
      {!chosen && <Empty />}
      {spc.data && option && (
        <>
          <Chart option={option} testId="spc-chart" height={360} />
          <Typography.Text
            type="secondary"
            data-testid="spc-summary"
            data-violations={violatingPoints(spc.data)}
          >
            {spc.data.limits
              ? `${t("spc.baseline", { count: spc.data.baselinePoints })} · ${t("spc.violations", { count: violatingPoints(spc.data) })}`
              : t("spc.tooFew")}
          </Typography.Text>
          {cap ? (
            <Descriptions size="small" column={1} bordered>
              {cap.cp && (
                <Descriptions.Item label={t("spc.cp")}>
                  {t("spc.interval", {
                    estimate: n(cap.cp.estimate),
                    confidence: Math.round(cap.confidence * 100),
                    lower: n(cap.cp.lower),
                    upper: n(cap.cp.upper),
                  })}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t("spc.cpk")}>
                {t("spc.interval", {
                  estimate: n(cap.cpk.estimate),
                  confidence: Math.round(cap.confidence * 100),
                  lower: n(cap.cpk.lower),
                  upper: n(cap.cpk.upper),
                })}
              </Descriptions.Item>
            </Descriptions>
          ) : (
            <Typography.Text type="secondary">{t("spc.noSpec")}</Typography.Text>
          )}
          {cap && !cap.quotable && <Alert type="warning" showIcon message={t("spc.notNormal")} />}
        </>
      )}
    </Space>
  );
}
