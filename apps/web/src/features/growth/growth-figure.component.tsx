import type { GrowthDrillQuery } from "@clusterbrain/contracts";
import { Card, Drawer, List, Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { growthApi } from "./growth.api.ts";

/** One figure: its title, the one sentence saying what it means, then the chart or table. */
export function Figure({
  title,
  meaning,
  children,
  testId,
}: {
  title: string;
  meaning: string;
  children: ReactNode;
  testId: string;
}) {
  const { tEnum } = useI18n();
  const [prefix, ...rest] = meaning.split(".");
  return (
    <Card size="small" title={title} data-testid={testId} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" data-testid={`${testId}-meaning`} style={{ marginBottom: 8 }}>
        {tEnum(prefix, rest.join("."))}
      </Typography.Paragraph>
      {children}
    </Card>
  );
}

/** The firms behind a clicked chart element (public directory facts), each linking to its profile. */
export function DrillDrawer({ query, onClose }: { query: GrowthDrillQuery | null; onClose: () => void }) {
  const { t, pick, fmt } = useI18n();
  const key = JSON.stringify(query);
  const drill = useApi(
    (signal) => (query ? growthApi.drill(query, signal) : Promise.resolve({ total: 0, items: [] })),
    [key],
  );
  return (
    <Drawer
      open={query !== null}
      onClose={onClose}
      title={t("growth.drillTitle", { n: drill.data?.total ?? 0 })}
      width={420}
      data-testid="growth-drill"
    >
      <List
        loading={drill.loading}
        dataSource={drill.data?.items ?? []}
        renderItem={(o) => (
          <List.Item data-testid="growth-drill-item">
            <Link to={`/orgs/${o.id}`}>{pick(o.nameZh, o.nameEn)}</Link>
            <Typography.Text type="secondary">{fmt.district(o.district)}</Typography.Text>
          </List.Item>
        )}
      />
    </Drawer>
  );
}
