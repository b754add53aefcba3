import type { MaterialContact } from "@clusterbrain/contracts";
import { Card, Table, Tabs, Typography } from "antd";
import { useSearchParams } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { DataText } from "../../shared/ui/data-text.component.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { MaterialListings } from "./listings.component.tsx";
import { materialsApi } from "./materials.api.ts";
import { MaterialPool } from "./pool.component.tsx";
import { SharedStockView } from "./stock.component.tsx";

function Contacts() {
  const { t, pick, fmt } = useI18n();
  const contacts = useApi((signal) => materialsApi.contacts(signal), []);
  const table = (rows: MaterialContact[], side: "from" | "to", testId: string) => (
    <Table<MaterialContact>
      data-testid={testId}
      size="small"
      rowKey="id"
      pagination={false}
      loading={contacts.loading}
      dataSource={rows}
      columns={[
        {
          title: t(side === "from" ? "materials.contacts.from" : "materials.contacts.to"),
          render: (_, c) =>
            side === "from" ? pick(c.fromOrgNameZh, c.fromOrgNameEn) : pick(c.toOrgNameZh, c.toOrgNameEn),
        },
        { title: t("materials.contacts.about"), render: (_, c) => <DataText text={c.listingSpec} /> },
        { title: t("materials.contact.message"), render: (_, c) => <DataText text={c.message} /> },
        { key: "at", render: (_, c) => fmt.dateTime(c.createdAt) },
      ]}
    />
  );
  return (
    <>
      {contacts.error !== null && <ErrorAlert error={contacts.error} onRetry={contacts.reload} />}
      <Card size="small" title={t("materials.contacts.received")} style={{ marginBottom: 12 }}>
        {table(contacts.data?.received ?? [], "from", "materials-contacts-received")}
      </Card>
      <Card size="small" title={t("materials.contacts.sent")}>
        {table(contacts.data?.sent ?? [], "to", "materials-contacts-sent")}
      </Card>
    </>
  );
}

/** Material needs ↔ offers with ranked matches, pooled purchasing (集采) behind k ≥ 3, and stock shared through grants. */
export default function MaterialsPage() {
  const { t } = useI18n();
  const me = useMe();
  const canWrite = me.role !== "viewer";
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") ?? "listings";
  return (
    <div data-testid="materials-page">
      <Typography.Title level={3}>{t("materials.title")}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          {
            key: "listings",
            label: <span data-testid="materials-tab-listings">{t("materials.tab.listings")}</span>,
            children: <MaterialListings canWrite={canWrite} />,
          },
          {
            key: "pool",
            label: <span data-testid="materials-tab-pool">{t("materials.tab.pool")}</span>,
            children: <MaterialPool canWrite={canWrite} />,
          },
          {
            key: "stock",
            label: <span data-testid="materials-tab-stock">{t("materials.tab.stock")}</span>,
            children: <SharedStockView />,
          },
          {
            key: "contacts",
            label: <span data-testid="materials-tab-contacts">{t("materials.tab.contacts")}</span>,
            children: <Contacts />,
          },
        ]}
      />
    </div>
  );
}
