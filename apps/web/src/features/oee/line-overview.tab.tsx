import type { LineMachine } from "@clusterbrain/contracts";
import { Badge, Button, Card, Empty, Space, Table, Typography } from "antd";
import { useEffect } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { DataText } from "../../shared/ui/data-text.component.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { oeeApi } from "./oee.api.ts";
import { percent, ReasonText, StateTag } from "./oee-format.tsx";

const REFRESH_MS = 15_000;

/** Every line of the org with its machines: state colour, reason, OEE of the current shift, open alarms. */
export function LineOverviewTab() {
  const { t, fmt } = useI18n();
  const lines = useApi((signal) => oeeApi.lines(signal), []);
  const { reload } = lines;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  return (
    <Space direction="vertical" style={{ width: "100%" }} size="middle" data-testid="oee-lines">
      <Button onClick={reload} data-testid="oee-lines-refresh">
        {t("oee.refresh")}
      </Button>
      {lines.error !== null && <ErrorAlert error={lines.error} onRetry={reload} />}
      {lines.data?.items.length === 0 && <Empty description={t("oee.noLines")} />}
      {lines.data?.items.map((line) => (
        <Card
          key={line.id}
          size="small"
          data-testid={`oee-line-${line.id}`}
          title={<DataText text={line.name} />}
          extra={
            <Space>
              <Typography.Text strong data-testid="oee-line-oee">
                {t("oee.lineOee", { value: percent(line.oee) })}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t("oee.shiftSince", { time: fmt.dateTime(line.shiftStart) })}
              </Typography.Text>
            </Space>
          }
        >
          <Table<LineMachine>
            rowKey="machineId"
            size="small"
            pagination={false}
            dataSource={line.machines}
            scroll={{ x: 700 }}
            onRow={(m) => ({ "data-machine-id": m.machineId, "data-state": m.state ?? "" }) as object}
            columns={[
              { key: "name", title: t("oee.col.machine"), render: (_, m) => <DataText text={m.name} /> },
              { key: "state", title: t("oee.col.state"), render: (_, m) => <StateTag state={m.state} /> },
              {
                key: "reason",
                title: t("oee.col.reason"),
                render: (_, m) => <ReasonText reason={m.reason} />,
              },
              {
                key: "since",
                title: t("oee.col.since"),
                render: (_, m) => (m.since ? fmt.dateTime(m.since) : "—"),
              },
              { key: "oee", title: t("oee.col.oee"), render: (_, m) => percent(m.oee) },
              {
                key: "alarms",
                title: t("oee.col.alarms"),
                render: (_, m) => (
                  <Badge
                    count={m.activeAlarms}
                    showZero
                    color={m.activeAlarms > 0 ? "red" : "green"}
                    data-testid="oee-alarms"
                  />
                ),
              },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}
