import { Card, Col, Row, Select, Skeleton, Space, Statistic, Typography } from "antd";
import { useCallback, useMemo } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { api } from "../../shared/api/endpoints.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { Chart, type ChartEvent } from "../../shared/charts/chart.component.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import {
  districtsOption,
  firmsPerNodeOption,
  indicatorsOption,
  nodeChartHeight,
} from "./dashboard.charts.ts";
import {
  type DashboardFilters,
  dashboardSearchParams,
  drillDownUrl,
  parseDashboardFilters,
  shownYear,
  toOverviewQuery,
} from "./dashboard-model.ts";
import { AsOf, IndicatorTiles, TopFirms } from "./dashboard-tiles.component.tsx";

/** Whole-cluster counts that do not depend on the filters: all organisations and the chain map. */
function useClusterCounts() {
  return useApi(async (signal) => {
    const [all, map] = await Promise.all([api.orgs.search({ pageSize: 1 }, signal), api.chain.map(signal)]);
    return { orgs: all.total, nodes: map.nodes.length, weak: map.nodes.filter((n) => n.weakLink).length };
  }, []);
}

export default function DashboardPage() {
  const { t, pick, locale, fmt } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = parseDashboardFilters(params);
  const key = dashboardSearchParams(filters).toString();
  const counts = useClusterCounts();
  const overview = useApi((signal) => api.stats.overview(toOverviewQuery(filters), signal), [key]);
  const data = overview.data;
  const year = data ? shownYear(data.years, filters.year) : undefined;
  const setFilter = (patch: Partial<DashboardFilters>) =>
    setParams(dashboardSearchParams({ ...filters, ...patch }), { replace: true });

  const perNodeOpt = useMemo(
    () => (data ? firmsPerNodeOption(data.perNode, pick, t, locale) : null),
    [data, pick, t, locale],
  );
  const indicatorsOpt = useMemo(() => (data ? indicatorsOption(data, t, locale) : null), [data, t, locale]);
  const districtsOpt = useMemo(
    () => (data ? districtsOption(data.perDistrict, t, fmt.district) : null),
    [data, t, fmt],
  );
  const anySuppressed = data?.indicators.some((y) => y.revenue.suppressed || y.employees.suppressed) ?? false;

  // Every chart opens the firms behind what was clicked, through URL params the directory reads.
  const onNodeClick = useCallback(
    (e: ChartEvent) => {
      const nodeId = (e.data as { nodeId?: string } | undefined)?.nodeId;
      if (nodeId) navigate(drillDownUrl(filters, { chainNode: nodeId }));
    },
    [navigate, filters],
  );
  const onDistrictClick = useCallback(
    (e: ChartEvent) => {
      // The slice is labelled in the reader's language; the filter takes the stored district.
      const district = (e.data as { district?: string } | undefined)?.district;
      if (district) navigate(drillDownUrl(filters, { district }));
    },
    [navigate, filters],
  );
  const onYearClick = (e: ChartEvent) => {
    if (e.name) setFilter({ year: Number(e.name) });
  };

  const kpi = (testId: string, title: string, value: number | undefined, to: string, loading: boolean) => (
    <Col xs={12} md={6}>
      <Card size="small" hoverable onClick={() => navigate(to)}>
        <Statistic title={title} value={value ?? "-"} loading={loading} data-testid={testId} />
        <AsOf asOf={data?.asOf ?? null} />
      </Card>
    </Col>
  );
  const caption = (
    <Space size={12} wrap>
      {year !== undefined && (
        <Typography.Text type="secondary">{t("dashboard.yearShown", { year })}</Typography.Text>
      )}
      <AsOf asOf={data?.asOf ?? null} />
    </Space>
  );

  return (
    <div data-testid="dashboard-page" lang={locale}>
      <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
        <Typography.Title level={3}>{t("dashboard.title")}</Typography.Title>
        <Space wrap data-testid="dashboard-filters">
          <Select
            style={{ width: 120 }}
            data-testid="filter-year"
            value={year}
            placeholder={t("dashboard.filterYear")}
            options={(data?.years ?? []).map((y) => ({ value: y, label: String(y) }))}
            onChange={(v: number) => setFilter({ year: v })}
          />
          <Select
            style={{ width: 160 }}
            allowClear
            data-testid="filter-district"
            value={filters.district}
            placeholder={t("dashboard.filterDistrict")}
            options={(data?.districts ?? []).map((d) => ({ value: d, label: fmt.district(d) }))}
            onChange={(v: string | undefined) => setFilter({ district: v })}
          />
          <Select
            style={{ width: 220 }}
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            data-testid="filter-node"
            value={filters.chainNode}
            placeholder={t("dashboard.filterNode")}
            options={(data?.perNode ?? []).map((n) => ({ value: n.nodeId, label: pick(n.nameZh, n.nameEn) }))}
            onChange={(v: string | undefined) => setFilter({ chainNode: v })}
          />
        </Space>
      </Space>
      {counts.error !== null && <ErrorAlert error={counts.error} onRetry={counts.reload} />}
      {overview.error !== null && <ErrorAlert error={overview.error} onRetry={overview.reload} />}
      <Row gutter={[16, 16]}>
        {kpi("kpi-orgs", t("dashboard.orgs"), counts.data?.orgs, "/directory", counts.loading)}
        {kpi("kpi-firms", t("dashboard.firms"), data?.firms, drillDownUrl(filters), overview.loading)}
        {kpi("kpi-nodes", t("dashboard.nodes"), counts.data?.nodes, "/chain", counts.loading)}
        {kpi("kpi-weak", t("dashboard.weakLinks"), counts.data?.weak, "/chain", counts.loading)}
        {data && <IndicatorTiles data={data} year={year} />}
        <Col xs={24} xl={14}>
          <Card title={t("dashboard.indicators")} size="small" extra={caption}>
            {indicatorsOpt === null ? (
              <Skeleton active />
            ) : (
              <Chart testId="chart-indicators" option={indicatorsOpt} height={360} onClick={onYearClick} />
            )}
            <Typography.Text type="secondary">
              {t("dashboard.unitsNote")} {anySuppressed ? t("dashboard.suppressed") : ""}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t("dashboard.districts")} size="small" extra={<AsOf asOf={data?.asOf ?? null} />}>
            {districtsOpt === null ? (
              <Skeleton active />
            ) : (
              <Chart testId="chart-districts" option={districtsOpt} height={360} onClick={onDistrictClick} />
            )}
            <Typography.Text type="secondary">{t("dashboard.clickToList")}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t("dashboard.firmsPerNode")} size="small" extra={<AsOf asOf={data?.asOf ?? null} />}>
            {perNodeOpt === null ? (
              <Skeleton active />
            ) : (
              <Chart
                testId="chart-firms-per-node"
                option={perNodeOpt}
                height={nodeChartHeight(data?.perNode.length ?? 0)}
                onClick={onNodeClick}
              />
            )}
            <Typography.Text type="secondary">
              {t("dashboard.weakMark")} · {t("dashboard.clickToList")}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t("dashboard.topFirms")} size="small" extra={caption}>
            {data ? <TopFirms data={data} /> : <Skeleton active />}
            <Typography.Text type="secondary">{t("dashboard.topFirmsNote")}</Typography.Text>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
