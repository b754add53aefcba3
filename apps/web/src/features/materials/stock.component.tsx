import type { SharedStock } from "@clusterbrain/contracts";
import { Alert, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { DataText } from "../../shared/ui/data-text.component.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { materialsApi } from "./materials.api.ts";

type StockItem = SharedStock["items"][number];

/** Another firm's stock levels, only for firms that granted my org the stock data class (audited reads). */
export function SharedStockView() {
  const { t, pick, fmt } = useI18n();
  const grantors = useApi((signal) => materialsApi.stockGrantors(signal), []);
  const [orgId, setOrgId] = useState<string | undefined>(undefined);
  const stock = useApi(
    (signal) => (orgId ? materialsApi.stock(orgId, signal) : Promise.resolve(undefined)),
    [orgId],
  );
  const options = (grantors.data?.items ?? []).map((g) => ({
    value: g.orgId,
    label: `${pick(g.orgNameZh, g.orgNameEn)} · ${t("materials.stock.expires", { date: fmt.date(g.expiresAt) })}`,
  }));
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Alert type="info" showIcon message={t("materials.stock.audited")} />
      {grantors.error !== null && <ErrorAlert error={grantors.error} onRetry={grantors.reload} />}
      {!grantors.loading && options.length === 0 ? (
        <Typography.Text type="secondary" data-testid="materials-stock-none">
          {t("materials.stock.none")}
        </Typography.Text>
      ) : (
        <Select
          data-testid="materials-stock-org"
          style={{ minWidth: 360 }}
          placeholder={t("materials.stock.pick")}
          value={orgId}
          onChange={setOrgId}
          options={options}
        />
      )}
      {stock.error !== null && <ErrorAlert error={stock.error} onRetry={stock.reload} />}
      {orgId && (
        <Table<StockItem>
          data-testid="materials-stock"
          size="small"
          rowKey="item"
          pagination={false}
          loading={stock.loading}
          dataSource={stock.data?.items ?? []}
          columns={[
            { title: t("materials.stock.item"), dataIndex: "item" },
            { title: t("materials.stock.name"), render: (_, i) => <DataText text={i.name} /> },
            { title: t("materials.stock.onHand"), render: (_, i) => `${i.onHand} ${i.unit}` },
            { title: t("materials.stock.onOrder"), dataIndex: "onOrder" },
            { title: t("materials.stock.safety"), dataIndex: "safetyStock" },
            {
              key: "low",
              render: (_, i) => (i.low ? <Tag color="red">{t("materials.stock.low")}</Tag> : null),
            },
          ]}
        />
      )}
    </Space>
  );
}
