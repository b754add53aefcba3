import { DownloadOutlined } from "@ant-design/icons";
import type { OrgSummary } from "@clusterbrain/contracts";
import { Button, Card, Col, Input, Row, Select, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { type HTMLAttributes, useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { api } from "../../shared/api/endpoints.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import {
  type DirectoryQuery,
  directoryExportUrl,
  parseDirectoryQuery,
  toApiQuery,
  toSearchParams,
} from "./directory-query.ts";

/** Facets and chain nodes for the filter selects; they change rarely, so they load once. */
function useFilterOptions() {
  return useApi(async (signal) => {
    const [facets, nodes] = await Promise.all([api.orgs.facets(signal), api.chain.nodes(signal)]);
    return { facets, nodes: nodes.items };
  }, []);
}

export default function DirectoryPage() {
  const { t, tEnum, pick, locale, fmt } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseDirectoryQuery(params), [params]);
  const options = useFilterOptions();
  const lang = locale === "en" ? "en" : "zh";
  const result = useApi((signal) => api.orgs.search(toApiQuery(query, lang), signal), [query, lang]);

  const update = (patch: Partial<DirectoryQuery>) =>
    // Any change other than paging starts again from page 1.
    setParams(toSearchParams({ ...query, page: 1, ...patch }));

  const nodeNames = useMemo(
    () => new Map((options.data?.nodes ?? []).map((n) => [n.id, pick(n.nameZh, n.nameEn)])),
    [options.data, pick],
  );

  const columns: ColumnsType<OrgSummary> = [
    {
      title: t("directory.colName"),
      key: "name",
      render: (_, org) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/orgs/${encodeURIComponent(org.id)}`} data-testid="directory-org-link">
            {pick(org.nameZh, org.nameEn)}
          </Link>
          {locale !== "en" && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {org.nameEn}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t("directory.colKind"),
      key: "kind",
      width: 120,
      render: (_, org) => <Tag>{tEnum("kind", org.kind)}</Tag>,
    },
    {
      title: t("directory.colDistrict"),
      key: "district",
      width: 120,
      responsive: ["md"],
      render: (_, org) => fmt.district(org.district),
    },
    {
      title: t("directory.colIndustry"),
      key: "industry",
      width: 160,
      responsive: ["lg"],
      render: (_, org) => fmt.industry(org.industryCode),
    },
    {
      title: t("directory.colNodes"),
      key: "nodes",
      responsive: ["md"],
      render: (_, org) => (
        <Space size={[0, 4]} wrap>
          {org.chainNodeIds.slice(0, 3).map((id) => (
            <Tag key={id} color="blue">
              {nodeNames.get(id) ?? id}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t("profile.products"),
      key: "products",
      responsive: ["xl"],
      render: (_, org) => fmt.list(org.products.slice(0, 3).map((p) => pick(p.zh, p.en))),
    },
  ];

  const facets = options.data?.facets;
  const allOption = { value: "", label: t("common.all") };
  return (
    <div data-testid="directory-page">
      <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
        <Typography.Title level={3}>{t("directory.title")}</Typography.Title>
        <Button
          icon={<DownloadOutlined />}
          href={directoryExportUrl(query, lang)}
          download
          data-testid="directory-export"
        >
          {t("directory.export")}
        </Button>
      </Space>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={12}>
            <Input.Search
              allowClear
              enterButton={t("common.search")}
              placeholder={t("directory.search")}
              defaultValue={query.q}
              key={query.q}
              data-testid="directory-search"
              onSearch={(q) => update({ q: q.trim() })}
            />
          </Col>
          <Col xs={12} md={6} lg={6}>
            <Select
              style={{ width: "100%" }}
              data-testid="filter-kind"
              value={query.kind ?? ""}
              options={[
                allOption,
                ...(facets?.kinds ?? []).map((k) => ({ value: k, label: tEnum("kind", k) })),
              ]}
              onChange={(v: string) => update({ kind: v === "" ? undefined : (v as DirectoryQuery["kind"]) })}
              prefix={`${t("directory.kind")}:`}
            />
          </Col>
          <Col xs={12} md={6} lg={6}>
            <Select
              style={{ width: "100%" }}
              data-testid="filter-district"
              value={query.district ?? ""}
              options={[
                allOption,
                ...(facets?.districts ?? []).map((d) => ({ value: d, label: fmt.district(d) })),
              ]}
              onChange={(v: string) => update({ district: v === "" ? undefined : v })}
              prefix={`${t("directory.district")}:`}
            />
          </Col>
          <Col xs={12} md={6} lg={6}>
            <Select
              style={{ width: "100%" }}
              data-testid="filter-industry"
              value={query.industry ?? ""}
              showSearch
              options={[
                allOption,
                ...(facets?.industries ?? []).map((d) => ({ value: d, label: fmt.industry(d) })),
              ]}
              onChange={(v: string) => update({ industry: v === "" ? undefined : v })}
              prefix={`${t("directory.industry")}:`}
            />
          </Col>
          <Col xs={12} md={6} lg={6}>
            <Select
              style={{ width: "100%" }}
              data-testid="filter-chain-node"
              value={query.chainNode ?? ""}
              showSearch={{ optionFilterProp: "label" }}
              options={[
                allOption,
                ...(options.data?.nodes ?? []).map((n) => ({ value: n.id, label: pick(n.nameZh, n.nameEn) })),
              ]}
              onChange={(v: string) => update({ chainNode: v === "" ? undefined : v })}
              prefix={`${t("directory.chainNode")}:`}
            />
          </Col>
          <Col xs={12} md={6} lg={6}>
            <Select
              style={{ width: "100%" }}
              data-testid="sort"
              value={query.sort}
              options={[
                { value: "relevance", label: t("directory.sortRelevance") },
                { value: "name", label: t("directory.sortName") },
                { value: "size", label: t("directory.sortSize") },
                { value: "founded", label: t("directory.sortFounded") },
                { value: "district", label: t("directory.sortDistrict") },
              ]}
              onChange={(v: DirectoryQuery["sort"]) => update({ sort: v })}
              prefix={`${t("directory.sort")}:`}
            />
          </Col>
          <Col xs={12} md={6} lg={6}>
            <Space>
              <Select
                data-testid="order"
                value={query.order}
                options={[
                  { value: "asc", label: t("directory.asc") },
                  { value: "desc", label: t("directory.desc") },
                ]}
                onChange={(v: DirectoryQuery["order"]) => update({ order: v })}
              />
              <Button data-testid="directory-reset" onClick={() => setParams(new URLSearchParams())}>
                {t("directory.reset")}
              </Button>
            </Space>
          </Col>
        </Row>
      </Card>
      {options.error !== null && <ErrorAlert error={options.error} onRetry={options.reload} />}
      {result.error !== null && <ErrorAlert error={result.error} onRetry={result.reload} />}
      <Table<OrgSummary>
        rowKey="id"
        size="middle"
        data-testid="directory-table"
        loading={result.loading}
        columns={columns}
        dataSource={result.data?.items ?? []}
        locale={{ emptyText: t("directory.empty") }}
        onRow={() => ({ "data-testid": "directory-row" }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: result.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => <span data-testid="directory-total">{t("directory.total", { total })}</span>,
          onChange: (page, pageSize) =>
            setParams(toSearchParams({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize })),
        }}
      />
    </div>
  );
}
