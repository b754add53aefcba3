import { ArrowDownOutlined, ArrowUpOutlined } from "@ant-design/icons";
import type { StatsOverview } from "@clusterbrain/contracts";
import { Card, Col, Statistic, Table, Typography } from "antd";
import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import type { MessageKey } from "../../i18n/zh-cn.messages.ts";
import { type TotalField, totalOf, yearOnYear } from "./dashboard-model.ts";

/** "Data as of …" under every figure: when the newest record behind it was written. */
export function AsOf({ asOf }: { asOf: string | null }) {
  const { t, locale } = useI18n();
  if (asOf === null) return null;
  const date = new Date(asOf).toLocaleDateString(locale === "en" ? "en-GB" : "zh-CN", {
    timeZone: "Asia/Shanghai",
  });
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="as-of">
      {t("dashboard.asOf", { date })}
    </Typography.Text>
  );
}

const TILES: ReadonlyArray<{ field: TotalField; title: MessageKey; unit: MessageKey; testId: string }> = [
  { field: "revenue", title: "dashboard.tile.revenue", unit: "dashboard.unit.money", testId: "kpi-revenue" },
  { field: "rdSpend", title: "dashboard.tile.rdSpend", unit: "dashboard.unit.money", testId: "kpi-rd" },
  {
    field: "employees",
    title: "dashboard.tile.employees",
    unit: "dashboard.unit.people",
    testId: "kpi-employees",
  },
  {
    field: "energyUse",
    title: "dashboard.tile.energyUse",
    unit: "dashboard.unit.energy",
    testId: "kpi-energy",
  },
];

/** One tile per indicator for the shown year: rounded value with its unit and the change on the year before. */
export function IndicatorTiles({ data, year }: { data: StatsOverview; year: number | undefined }) {
  const { t } = useI18n();
  return (
    <>
      {TILES.map((tile) => {
        const value = year === undefined ? null : totalOf(data.indicators, year, tile.field);
        const change = year === undefined ? null : yearOnYear(data.indicators, year, tile.field);
        return (
          <Col xs={12} md={6} key={tile.field}>
            <Card size="small" data-testid={tile.testId}>
              <Statistic
                title={`${t(tile.title)} · ${year ?? "—"}`}
                value={value === null ? t("dashboard.withheld") : Math.round(value)}
                suffix={value === null ? undefined : t(tile.unit)}
                valueStyle={{ fontSize: 22 }}
              />
              {change === null ? (
                <Typography.Text type="secondary">{t("dashboard.yoyNone")}</Typography.Text>
              ) : (
                <Typography.Text type={change >= 0 ? "success" : "danger"} data-testid={`${tile.testId}-yoy`}>
                  {change >= 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />}{" "}
                  {t("dashboard.yoy", { change: `${(Math.abs(change) * 100).toFixed(1)}%` })}
                </Typography.Text>
              )}
              <div>
                <AsOf asOf={data.asOf} />
              </div>
            </Card>
          </Col>
        );
      })}
    </>
  );
}

/** The top firms by public profile facts (patents listed, then size), each linking to its profile. */
export function TopFirms({ data }: { data: StatsOverview }) {
  const { t, tEnum, pick, fmt } = useI18n();
  return (
    <Table
      size="small"
      rowKey="id"
      data-testid="top-firms"
      pagination={false}
      dataSource={data.topFirms.map((f, i) => ({ ...f, rank: i + 1 }))}
      locale={{ emptyText: t("dashboard.noFirms") }}
      columns={[
        { title: "#", dataIndex: "rank", key: "rank", width: 40 },
        {
          title: t("dashboard.firm"),
          key: "name",
          render: (_, f) => <Link to={`/orgs/${encodeURIComponent(f.id)}`}>{pick(f.nameZh, f.nameEn)}</Link>,
        },
        {
          title: t("profile.district"),
          key: "district",
          render: (_, f) => fmt.district(f.district),
          responsive: ["md"],
        },
        {
          title: t("profile.size"),
          key: "size",
          render: (_, f) => tEnum("size", f.sizeBand),
          responsive: ["md"],
        },
        { title: t("dashboard.patentsListed"), dataIndex: "patents", key: "patents", align: "right" },
      ]}
    />
  );
}
