import type { PlanningForecast } from "@clusterbrain/contracts";
import { Alert, Button, Card, Descriptions, InputNumber, Select, Space, Table } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { Chart } from "../../shared/charts/chart.component.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { forecastOption } from "./forecast-chart.ts";
import { planningApi } from "./planning.api.ts";

const round = (n: number) => Math.round(n * 10) / 10;
type Row = PlanningForecast["forecast"][number];

/** Per item: history with forecast and 80/95 % bands, method and season, backtest, overrides. */
export function ForecastTab({ canWrite }: { canWrite: boolean }) {
  const { t, tEnum } = useI18n();
  const items = useApi((signal) => planningApi.list("items", signal), []);
  const [item, setItem] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [drafts, setDrafts] = useState<Record<string, number | null>>({});
  const [error, setError] = useState<unknown>(null);
  const chosen = item ?? items.data?.items[0]?.key ?? null;
  const forecast = useApi(
    (signal) => (chosen === null ? Promise.resolve(null) : planningApi.forecast(chosen, 12, signal)),
    [chosen, version],
  );

  const save = async (row: Row, quantity: number | null) => {
    if (chosen === null) return;
    setError(null);
    try {
      await planningApi.override(chosen, row.date, quantity);
      setDrafts((d) => ({ ...d, [row.date]: null }));
      setVersion((v) => v + 1);
    } catch (err) {
      setError(err);
    }
  };

  const f = forecast.data;
  return (
    <div data-testid="planning-forecast">
      <Space style={{ marginBottom: 16 }}>
        {t("planning.item")}
        <Select
          data-testid="planning-item"
          style={{ minWidth: 280 }}
          value={chosen ?? undefined}
          loading={items.loading}
          onChange={(v: string) => setItem(v)}
          options={(items.data?.items ?? []).map((r) => ({
            value: r.key,
            label: `${r.key} ${String(r.data.name ?? "")}`,
          }))}
        />
      </Space>
      {items.data?.items.length === 0 && <Alert type="info" showIcon title={t("planning.noItems")} />}
      {forecast.error !== null && forecast.error !== undefined && <ErrorAlert error={forecast.error} />}
      {error !== null && <ErrorAlert error={error} />}
      {f && (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={1} data-testid="planning-forecast-facts">
              <Descriptions.Item label={t("planning.method")}>
                <code data-testid="planning-method">{f.method}</code>
              </Descriptions.Item>
              <Descriptions.Item label={t("planning.season")}>
                <span data-testid="planning-season">
                  {t("planning.seasonText", {
                    periods: f.season.periods.join(", "),
                    source: tEnum("planning.seasonSource", f.season.source),
                  })}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t("planning.accuracy")}>
                {f.accuracy
                  ? t("planning.accuracyText", {
                      holdout: f.accuracy.holdout,
                      smape: round(f.accuracy.smape),
                      mase: f.accuracy.mase === null ? "–" : round(f.accuracy.mase),
                    })
                  : t("planning.noAccuracy")}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Chart
            testId="planning-forecast-chart"
            height={360}
            option={forecastOption(f, {
              history: t("planning.history"),
              forecast: t("planning.forecast"),
              plan: t("planning.plan"),
              band80: t("planning.band80"),
              band95: t("planning.band95"),
            })}
          />
          <Table
            data-testid="planning-forecast-table"
            size="small"
            rowKey="date"
            pagination={false}
            dataSource={f.forecast}
            columns={[
              { title: t("planning.date"), dataIndex: "date", key: "date" },
              { title: t("planning.forecast"), key: "mean", render: (_, r) => round(r.mean) },
              {
                title: t("planning.band80"),
                key: "b80",
                render: (_, r) => `${round(r.lower80)} – ${round(r.upper80)}`,
              },
              {
                title: t("planning.band95"),
                key: "b95",
                render: (_, r) => `${round(r.lower95)} – ${round(r.upper95)}`,
              },
              {
                title: t("planning.override"),
                key: "override",
                render: (_, r) =>
                  canWrite ? (
                    <Space>
                      <InputNumber
                        min={0}
                        value={drafts[r.date] ?? r.override}
                        onChange={(v) => setDrafts((d) => ({ ...d, [r.date]: v }))}
                      />
                      <Button size="small" onClick={() => save(r, drafts[r.date] ?? r.override)}>
                        {t("planning.saveOverride")}
                      </Button>
                      {r.override !== null && (
                        <Button size="small" onClick={() => save(r, null)}>
                          {t("planning.clearOverride")}
                        </Button>
                      )}
                    </Space>
                  ) : (
                    (r.override ?? "")
                  ),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
