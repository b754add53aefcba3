import { Descriptions, Timeline, Typography } from "antd";
import { Link, useParams } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { logisticsApi } from "./logistics.api.ts";
import { LateTag, StatusTag } from "./logistics.tags.tsx";

/** One shipment: its ETA, late flag and the carrier's event timeline, newest first. */
export default function ShipmentPage() {
  const { id = "" } = useParams();
  const { t, tEnum, fmt, pick } = useI18n();
  const dateTime = fmt.dateTime;
  const shipment = useApi((signal) => logisticsApi.get(id, signal), [id]);
  const s = shipment.data;
  return (
    <div data-testid="shipment-page" data-loaded={s ? "true" : "false"}>
      <Link to="/logistics">{t("logistics.back")}</Link>
      {shipment.error ? <ErrorAlert error={shipment.error} onRetry={shipment.reload} /> : null}
      {s ? (
        <>
          <Typography.Title level={3}>
            {s.carrier} {s.trackingNo}
          </Typography.Title>
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t("logistics.col.consignee")}>
              {s.consigneeName || pick(s.consigneeNameZh, s.consigneeNameEn)}
            </Descriptions.Item>
            <Descriptions.Item label={t("logistics.col.promisedOn")}>{s.promisedOn}</Descriptions.Item>
            <Descriptions.Item label={t("logistics.col.eta")}>
              <span data-testid="shipment-eta">{dateTime(s.eta)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t("logistics.col.status")}>
              <StatusTag status={s.status} />
              <LateTag late={s.late} />
            </Descriptions.Item>
          </Descriptions>
          {s.reference ? <p>{t("logistics.reference", { reference: s.reference })}</p> : null}
          <Typography.Title level={4}>{t("logistics.timeline")}</Typography.Title>
          {s.events.length === 0 ? <p>{t("logistics.noEvents")}</p> : null}
          <Timeline
            data-testid="shipment-timeline"
            items={[...s.events].reverse().map((e) => ({
              key: e.id,
              color: e.type === "exception" ? "red" : e.type === "delivered" ? "green" : "blue",
              children: (
                <div data-testid={`shipment-event-${e.type}`}>
                  <strong>{tEnum("logistics.status", e.type)}</strong> · {dateTime(e.occurredAt)}
                  {e.location ? ` · ${e.location}` : ""}
                  <div>
                    {t(`logistics.source.${e.source}`)}
                    {e.eta ? ` · ${t("logistics.eventEta", { eta: dateTime(e.eta) })}` : ""}
                  </div>
                  {e.note ? <div>{e.note}</div> : null}
                </div>
              ),
            }))}
          />
        </>
      ) : null}
    </div>
  );
}
