import type { RangeResult, TelemetryTier } from "@clusterbrain/contracts";
import {
  Tag as AntTag,
  Button,
  Card,
  Descriptions,
  Result,
  Segmented,
  Select,
  Space,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { api } from "../../shared/api/endpoints.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { Chart } from "../../shared/charts/chart.component.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { PageLoading } from "../../shared/ui/page-loading.component.tsx";
import {
  appendLive,
  formatValue,
  type LivePoint,
  RANGE_PRESETS,
  type RangePreset,
  tagChartOption,
} from "./tag-chart.option.ts";
import { useTelemetryLive } from "./use-telemetry-live.hook.ts";

type Mode = "live" | RangePreset;
type TierChoice = "auto" | TelemetryTier;
const LIVE_SPAN_MS = 15 * 60_000;

/** One tag: latest value, a live chart fed by the push channel, and ranges over the rollups. */
export default function TagPage() {
  const { id = "" } = useParams();
  const { t, tEnum, locale } = useI18n();
  const [mode, setMode] = useState<Mode>("live");
  const [tier, setTier] = useState<TierChoice>("auto");
  const [live, setLive] = useState<LivePoint[]>([]);
  const tree = useApi((signal) => api.telemetry.tree(signal), []);
  const tag = tree.data?.tags.find((x) => x.id === id);

  // Live mode starts from the last 15 minutes of raw points, then appends what the stream brings.
  // The answer carries the mode it was asked for: the previous answer stays shown while the next loads.
  const range = useApi<RangeResult & { mode: Mode }>(
    (signal) => {
      const span =
        mode === "live" ? LIVE_SPAN_MS : (RANGE_PRESETS.find(([k]) => k === mode)?.[1] ?? LIVE_SPAN_MS);
      const to = new Date();
      const from = new Date(to.getTime() - span);
      return api.telemetry
        .tagRange(
          id,
          { from: from.toISOString(), to: to.toISOString(), tier: mode === "live" ? "raw" : tier },
          signal,
        )
        .then((r) => {
          if (mode === "live") setLive(r.items.map((b) => ({ ts: b.ts, value: b.last ?? 0 })));
          return { ...r, mode };
        });
    },
    [id, mode, tier],
  );
  const liveState = useTelemetryLive(mode === "live" ? [id] : [], (event) => {
    if (event.tagId === id) setLive((held) => appendLive(held, event.points));
  });
  const latest = mode === "live" ? live.at(-1) : undefined;

  const option = useMemo(
    () =>
      tag
        ? tagChartOption(
            tag,
            mode === "live" ? "live" : (range.data?.tier ?? "raw"),
            { buckets: range.data?.items ?? [], live },
            {
              value: t("tag.series.value"),
              mean: t("tag.series.mean"),
              min: t("tag.series.min"),
              max: t("tag.series.max"),
              low: t("devices.low"),
              high: t("devices.high"),
            },
          )
        : {},
    [tag, mode, range.data, live, t],
  );

  if (tree.loading && !tree.data) return <PageLoading />;
  if (tree.error) return <ErrorAlert error={tree.error} />;
  if (!tag)
    return (
      <Result
        status="404"
        title={t("tag.notFound")}
        extra={
          <Link to="/devices">
            <Button>{t("tag.back")}</Button>
          </Link>
        }
      />
    );
  const time = (iso: string) => new Date(iso).toLocaleString(locale);
  return (
    <Space
      direction="vertical"
      size="middle"
      style={{ width: "100%" }}
      data-testid="tag-page"
      data-tag-id={id}
    >
      <Link to="/devices">{t("tag.back")}</Link>
      <Typography.Title level={3}>{t("tag.title", { key: tag.key })}</Typography.Title>
      <Card>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
          <Descriptions.Item label={t("devices.dataType")}>
            {tEnum("devices.dataType", tag.dataType)}
          </Descriptions.Item>
          <Descriptions.Item label={t("devices.unit")}>{tag.unit || "—"}</Descriptions.Item>
          <Descriptions.Item label={t("tag.limitsLabel")}>
            {tag.low ?? "—"} ~ {tag.high ?? "—"} {tag.unit}
          </Descriptions.Item>
          <Descriptions.Item label={t("tag.latest")}>
            <span data-testid="tag-latest">
              {latest ? `${formatValue(latest.value)} ${tag.unit} (${time(latest.ts)})` : t("tag.noData")}
            </span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={
          <Space wrap>
            <Segmented
              data-testid="tag-range"
              value={mode}
              onChange={(v) => setMode(v as Mode)}
              options={[
                { value: "live", label: t("tag.live") },
                ...RANGE_PRESETS.map(([k]) => ({ value: k, label: tEnum("tag.preset", k) })),
              ]}
            />
            {mode !== "live" && (
              <Select
                data-testid="tag-tier"
                value={tier}
                style={{ width: 160 }}
                onChange={(v: TierChoice) => setTier(v)}
                options={(["auto", "raw", "1m", "1h"] as const).map((v) => ({
                  value: v,
                  label: tEnum("tag.tier", v),
                }))}
              />
            )}
          </Space>
        }
        extra={
          mode === "live" ? (
            <AntTag
              color={liveState === "open" ? "green" : "default"}
              data-testid="live-state"
              data-state={liveState}
            >
              {liveState === "open" ? t("tag.liveOn") : t("tag.liveOff")}
            </AntTag>
          ) : range.data ? (
            <span data-testid="tag-tier-used" data-tier={range.data.tier} data-range={range.data.mode}>
              {t("tag.tierUsed", { tier: tEnum("tag.tier", range.data.tier) })}
            </span>
          ) : null
        }
      >
        {range.error ? <ErrorAlert error={range.error} /> : null}
        {range.data?.truncated ? (
          <Typography.Text type="warning">
            {t("tag.truncated", { count: range.data.items.length })}
          </Typography.Text>
        ) : null}
        <Chart option={option} testId="tag-chart" height={360} />
      </Card>
    </Space>
  );
}
