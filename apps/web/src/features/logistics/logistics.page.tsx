import type { Shipment } from "@clusterbrain/contracts";
import { Table, Typography } from "antd";
import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { logisticsApi } from "./logistics.api.ts";
import { LateTag, StatusTag } from "./logistics.tags.tsx";

/** My org's shipments: status, ETA and a late flag; each opens its timeline. */
export default function LogisticsPage() {
  const { t, pick, fmt } = useI18n();
  const dateTime = fmt.dateTime;
  const list = useApi((signal) => logisticsApi.list(signal), []);
  return (
    <div data-testid="logistics-page" data-loaded={list.data ? "true" : "false"}>
      <Typography.Title level={3}>{t("logistics.title")}</Typography.Title>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<Shipment>
        size="small"
        rowKey="id"
        pagination={false}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t("logistics.empty") }}
        columns={[
          {
            title: t("logistics.col.trackingNo"),
            render: (_: unknown, s: Shipment) => (
              <Link
                to={`/logistics/${s.id}`}
                data-testid={`shipment-${s.trackingNo}`}
                data-late={String(s.late)}
              >
                {s.trackingNo}
              </Link>
            ),
          },
          { title: t("logistics.col.carrier"), dataIndex: "carrier" },
          {
            title: t("logistics.col.consignee"),
            render: (_: unknown, s: Shipment) =>
              s.consigneeName || pick(s.consigneeNameZh, s.consigneeNameEn),
          },
          { title: t("logistics.col.promisedOn"), dataIndex: "promisedOn" },
          { title: t("logistics.col.eta"), render: (_: unknown, s: Shipment) => dateTime(s.eta) },
          {
            title: t("logistics.col.status"),
            render: (_: unknown, s: Shipment) => (
              <>
                <StatusTag status={s.status} />
                <LateTag late={s.late} />
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
