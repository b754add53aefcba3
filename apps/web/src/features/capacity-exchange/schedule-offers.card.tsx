import { CAPACITY_PROCESSES, type CapacityProcess, routeTable } from "@clusterbrain/contracts";
import { Button, Card, InputNumber, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { callRoute } from "../../shared/api/route.client.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";

const r = routeTable.capacityExchange;

interface Row {
  key: string;
  workCentre: string;
  suggested: CapacityProcess | null;
  machines: number;
  weekStart: string;
  capacityHours: number;
  idleHours: number;
  offeredHours: number;
  offerableHours: number;
}

/** Idle hours of my published schedule per work centre and week, each offered with one click. */
export function ScheduleOffersCard({ onOffered }: { onOffered: () => void }) {
  const { t, tEnum } = useI18n();
  const idle = useApi((signal) => callRoute(r.scheduleIdle, { query: { weeks: 4 } }, signal), []);
  const [error, setError] = useState<unknown>(null);
  const [edits, setEdits] = useState<
    Record<string, { process?: CapacityProcess; hours?: number; price?: number }>
  >({});
  const rows: Row[] = (idle.data?.items ?? []).flatMap((i) =>
    i.weeks.map((w) => ({
      key: `${i.workCentre}|${w.weekStart}`,
      workCentre: i.workCentre,
      suggested: (i.process as CapacityProcess | null) ?? null,
      machines: i.machines,
      ...w,
    })),
  );
  const edit = (key: string, patch: { process?: CapacityProcess; hours?: number; price?: number }) =>
    setEdits((e) => ({ ...e, [key]: { ...e[key], ...patch } }));
  const offer = async (row: Row) => {
    const e = edits[row.key] ?? {};
    setError(null);
    try {
      await callRoute(r.offerFromSchedule, {
        body: {
          workCentre: row.workCentre,
          weekStart: row.weekStart,
          process: e.process ?? row.suggested ?? "testing",
          hours: e.hours ?? row.offerableHours,
          pricePerHour: e.price ?? 150,
          certifications: ["ISO 13485"],
          leadTimeDays: 0,
        },
      });
      idle.reload();
      onOffered();
    } catch (err) {
      setError(err);
    }
  };
  const scenario = idle.data?.scenario;
  return (
    <Card title={t("cx.fromSchedule")} size="small" style={{ marginBottom: 16 }} data-testid="schedule-idle">
      {idle.error ? <ErrorAlert error={idle.error} onRetry={idle.reload} /> : null}
      {error ? <ErrorAlert error={error} /> : null}
      {idle.data && !scenario ? <Typography.Paragraph>{t("cx.noSchedule")}</Typography.Paragraph> : null}
      {scenario ? (
        <Typography.Paragraph>
          {t("cx.fromScenario")} <strong>{scenario.name}</strong>
        </Typography.Paragraph>
      ) : null}
      {scenario ? (
        <Table<Row>
          size="small"
          rowKey="key"
          loading={idle.loading}
          dataSource={rows}
          pagination={false}
          onRow={(row) => ({ "data-idle": row.key }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t("cx.workCentre"), dataIndex: "workCentre" },
            { title: t("cx.week"), dataIndex: "weekStart" },
            { title: t("cx.machines"), dataIndex: "machines" },
            { title: t("cx.capacityHours"), dataIndex: "capacityHours" },
            { title: t("cx.idleHours"), dataIndex: "idleHours" },
            { title: t("cx.offeredHours"), dataIndex: "offeredHours" },
            {
              title: t("cx.offerIdle"),
              render: (_, row) =>
                row.offerableHours > 0 ? (
                  <Space wrap>
                    <Select
                      style={{ width: 120 }}
                      value={edits[row.key]?.process ?? row.suggested ?? undefined}
                      placeholder={t("cx.process")}
                      onChange={(v) => edit(row.key, { process: v })}
                      options={CAPACITY_PROCESSES.map((p) => ({ value: p, label: tEnum("cx.process", p) }))}
                    />
                    <InputNumber
                      min={1}
                      max={row.offerableHours}
                      value={edits[row.key]?.hours ?? row.offerableHours}
                      onChange={(v) => edit(row.key, { hours: Number(v ?? 1) })}
                      data-testid="idle-hours"
                    />
                    <InputNumber
                      min={1}
                      value={edits[row.key]?.price ?? 150}
                      onChange={(v) => edit(row.key, { price: Number(v ?? 1) })}
                      addonAfter={t("cx.perHour")}
                    />
                    <Button type="primary" data-testid="idle-offer" onClick={() => offer(row)}>
                      {t("cx.offerIdle")}
                    </Button>
                  </Space>
                ) : (
                  "—"
                ),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}
