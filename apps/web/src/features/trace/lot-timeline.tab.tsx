import { Button, Empty, Input, Space, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { PageLoading } from "../../shared/ui/page-loading.component.tsx";
import { traceApi, traceExportUrl } from "./trace.api.ts";
import { eventSubject } from "./trace-event.summary.ts";

const COLOR: Record<string, string> = {
  "material-lot": "gray",
  "production-lot": "blue",
  device: "green",
  shipment: "orange",
};

/** My org's signed lot events, newest first, optionally about one lot. */
export function LotTimelineTab() {
  const { t, tEnum, locale } = useI18n();
  const [lot, setLot] = useState<string | undefined>(undefined);
  const events = useApi((signal) => traceApi.events({ limit: 200, ...(lot ? { lot } : {}) }, signal), [lot]);
  return (
    <Space direction="vertical" style={{ width: "100%" }} data-testid="lot-timeline">
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t("trace.filterLot")}
          onSearch={(v) => setLot(v.trim() || undefined)}
          style={{ width: 240 }}
          data-testid="timeline-filter"
        />
        <Button onClick={() => setLot(undefined)}>{t("trace.allEvents")}</Button>
        <Button href={traceExportUrl} download="trace-chain.json" data-testid="trace-export">
          {t("trace.export")}
        </Button>
        {events.data ? (
          <Typography.Text type="secondary">{t("trace.head", { seq: events.data.head })}</Typography.Text>
        ) : null}
      </Space>
      {events.error ? <ErrorAlert error={events.error} onRetry={events.reload} /> : null}
      {events.loading && !events.data ? <PageLoading /> : null}
      {events.data && events.data.items.length === 0 ? <Empty description={t("trace.empty")} /> : null}
      {events.data && events.data.items.length > 0 ? (
        <Timeline
          data-testid="timeline-events"
          data-count={events.data.items.length}
          items={events.data.items.map((e) => ({
            key: e.seq,
            color: COLOR[e.type] ?? "gray",
            children: (
              <Space direction="vertical" size={0}>
                <Space wrap>
                  <Tag>#{e.seq}</Tag>
                  <Typography.Text strong>{tEnum("trace.type", e.type)}</Typography.Text>
                  <Typography.Text type="secondary">{new Date(e.at).toLocaleString(locale)}</Typography.Text>
                </Space>
                <Typography.Text>{eventSubject(e)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t("trace.signedBy", { keyId: e.keyId })} · {e.hash.slice(0, 16)}…
                </Typography.Text>
              </Space>
            ),
          }))}
        />
      ) : null}
    </Space>
  );
}
