import { Card, Col, Row, Skeleton, Statistic, Typography } from "antd";
import { useMemo } from "react";
import { useNavigate } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { api } from "../../shared/api/endpoints.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { Chart } from "../../shared/charts/chart.component.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import {
  districtsOption,
  firmsPerNodeOption,
  indicatorsOption,
  nodeChartHeight,
} from "./dashboard.charts.ts";

/** Headline numbers: directory totals and the chain map's node and weak-link counts. */
function useKpis() {
  return useApi(async (signal) => {
    const [all, firms, map] = await Promise.all([
      api.orgs.search({ pageSize: 1 }, signal),
      api.orgs.search({ pageSize: 1, kind: "enterprise" }, signal),
      api.chain.map(signal),
    ]);
    return {
      orgs: all.total,
      firms: firms.total,
      nodes: map.nodes.length,
      weak: map.nodes.filter((n) => n.weakLink).length,
    };
  }, []);
}

export default function DashboardPage() {
  const { t, pick, locale, fmt } = useI18n();
  const navigate = useNavigate();
  const kpis = useKpis();
  const perNode = useApi((signal) => api.stats.firmsPerNode(signal), []);
  const indicators = useApi((signal) => api.stats.indicators(signal), []);
  const districts = useApi((signal) => api.stats.districts(signal), []);

  // Options are rebuilt when the language changes so axis names and legends follow it.
  const perNodeOpt = useMemo(
    () => (perNode.data === undefined ? null : firmsPerNodeOption(perNode.data, pick, t)),
    [perNode.data, pick, t],
  );
  const indicatorsOpt = useMemo(
    () => (indicators.data === undefined ? null : indicatorsOption(indicators.data, t)),
    [indicators.data, t],
  );
  const districtsOpt = useMemo(
    () => (districts.data === undefined ? null : districtsOption(districts.data, t, fmt.district)),
    [districts.data, t, fmt],
  );
  const anySuppressed =
    indicators.data?.years.some((y) => [y.revenue, y.rdSpend, y.employees].some((c) => c.suppressed)) ??
    false;

  // Each headline number opens the screen that explains it.
  const kpi = (testId: string, title: string, value: number | undefined, to: string) => (
    <Col xs={12} md={6}>
      <Card size="small" hoverable onClick={() => navigate(to)}>
        <Statistic title={title} value={value ?? "-"} loading={kpis.loading} data-testid={testId} />
      </Card>
    </Col>
  );

  return (
    <div data-testid="dashboard-page" lang={locale}>
      <Typography.Title level={3}>{t("dashboard.title")}</Typography.Title>
      {kpis.error !== null && <ErrorAlert error={kpis.error} onRetry={kpis.reload} />}
      <Row gutter={[16, 16]}>
        {kpi("kpi-orgs", t("dashboard.orgs"), kpis.data?.orgs, "/directory")}
        {kpi("kpi-firms", t("dashboard.firms"), kpis.data?.firms, "/directory?kind=enterprise")}
        {kpi("kpi-nodes", t("dashboard.nodes"), kpis.data?.nodes, "/chain")}
        {kpi("kpi-weak", t("dashboard.weakLinks"), kpis.data?.weak, "/chain")}
        <Col xs={24} xl={12}>
          <Card title={t("dashboard.indicators")} size="small">
            {indicators.error !== null && <ErrorAlert error={indicators.error} onRetry={indicators.reload} />}
            {indicatorsOpt === null ? (
              <Skeleton active />
            ) : (
              <Chart testId="chart-indicators" option={indicatorsOpt} height={340} />
            )}
            {anySuppressed && <Typography.Text type="secondary">{t("dashboard.suppressed")}</Typography.Text>}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t("dashboard.districts")} size="small">
            {districts.error !== null && <ErrorAlert error={districts.error} onRetry={districts.reload} />}
            {districtsOpt === null ? (
              <Skeleton active />
            ) : (
              <Chart testId="chart-districts" option={districtsOpt} height={340} />
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t("dashboard.firmsPerNode")} size="small">
            {perNode.error !== null && <ErrorAlert error={perNode.error} onRetry={perNode.reload} />}
            {perNodeOpt === null ? (
              <Skeleton active />
            ) : (
              <Chart
                testId="chart-firms-per-node"
                option={perNodeOpt}
                height={nodeChartHeight(perNode.data?.items.length ?? 0)}
              />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
