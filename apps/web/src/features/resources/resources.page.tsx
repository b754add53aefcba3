import { RESOURCE_KINDS, type Resource, type ResourceKind } from "@clusterbrain/contracts";
import { Card, Input, InputNumber, Select, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { resourcesApi } from "./resources.api.ts";

export const KIND_COLOR: Record<ResourceKind, string> = {
  instrument: "blue",
  equipment: "cyan",
  lab: "purple",
  expert: "gold",
};

/** The cluster's shared instruments, equipment, labs and experts, filtered by kind, text and price. */
export default function ResourcesPage() {
  const { t, tEnum, pick, fmt } = useI18n();
  const [kind, setKind] = useState<ResourceKind | undefined>(undefined);
  const [q, setQ] = useState("");
  const [maxPrice, setMaxPrice] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const list = useApi(
    (signal) =>
      resourcesApi.list(
        { kind, q: q.trim() || undefined, maxPrice: maxPrice ?? undefined, page, pageSize: 20 },
        signal,
      ),
    [kind, q, maxPrice, page],
  );

  const price = (r: Resource) =>
    r.pricePerHour === 0
      ? t("resources.free")
      : t("resources.pricePerHour", { price: fmt.number(r.pricePerHour) });

  const columns: ColumnsType<Resource> = [
    {
      title: t("resources.name"),
      key: "name",
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/resources/${r.id}`} data-testid="resource-link">
            {pick(r.nameZh, r.nameEn)}
          </Link>
          {r.status === "retired" && <Tag>{t("resources.retired")}</Tag>}
        </Space>
      ),
    },
    {
      title: t("resources.kindLabel"),
      key: "kind",
      render: (_, r) => <Tag color={KIND_COLOR[r.kind]}>{tEnum("resources.kind", r.kind)}</Tag>,
    },
    { title: t("resources.owner"), key: "owner", render: (_, r) => pick(r.ownerNameZh, r.ownerNameEn) },
    { title: t("resources.price"), key: "price", render: (_, r) => price(r) },
    {
      title: t("resources.rating"),
      key: "rating",
      responsive: ["md"],
      render: (_, r) =>
        r.rating === null
          ? t("resources.noRating")
          : t("resources.ratingOf", { rating: fmt.number(r.rating, 1), count: r.ratingCount }),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="resources-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("resources.title")}
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <Select<ResourceKind | "all">
            style={{ minWidth: 140 }}
            value={kind ?? "all"}
            data-testid="resources-kind"
            onChange={(v) => {
              setKind(v === "all" ? undefined : v);
              setPage(1);
            }}
            options={[
              { value: "all", label: t("resources.kindAll") },
              ...RESOURCE_KINDS.map((k) => ({ value: k, label: tEnum("resources.kind", k) })),
            ]}
          />
          <Input.Search
            allowClear
            style={{ width: 280 }}
            placeholder={t("resources.search")}
            data-testid="resources-search"
            onSearch={(v) => {
              setQ(v);
              setPage(1);
            }}
          />
          <InputNumber<number>
            min={0}
            style={{ width: 200 }}
            placeholder={t("resources.maxPrice")}
            value={maxPrice}
            onChange={(v) => {
              setMaxPrice(v);
              setPage(1);
            }}
          />
        </Space>
      </Card>
      {list.error !== null && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <Table<Resource>
        rowKey="id"
        size="small"
        data-testid="resources-table"
        data-loaded={list.loading ? "false" : "true"}
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t("resources.empty") }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          hideOnSinglePage: true,
          onChange: setPage,
          showTotal: (total) => t("resources.total", { total }),
        }}
        scroll={{ x: true }}
      />
    </Space>
  );
}
