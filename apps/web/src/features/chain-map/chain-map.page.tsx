import { Alert, Card, Col, List, Row, Select, Skeleton, Space, Tag, Typography } from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { api } from "../../shared/api/endpoints.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { Chart, type ChartEvent } from "../../shared/charts/chart.component.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { bandStarts, matchNodes } from "./chain-focus.ts";
import { chainChartHeight, chainGraphOption, HEADING_PREFIX } from "./chain-graph.option.ts";
import { WeakLinkAdvice } from "./weak-link-advice.component.tsx";

/** Organisations on the clicked node, with links to their profiles. */
function NodeOrgs({ nodeId }: { nodeId: string }) {
  const { t, pick, tEnum } = useI18n();
  const orgs = useApi((signal) => api.chain.nodeOrgs(nodeId, signal), [nodeId]);
  if (orgs.error !== null) return <ErrorAlert error={orgs.error} onRetry={orgs.reload} />;
  if (orgs.data === undefined) return <Skeleton active />;
  const { node, orgs: items } = orgs.data;
  return (
    <Card
      size="small"
      data-testid="chain-node-orgs"
      title={t("chain.nodeOrgs", { node: pick(node.nameZh, node.nameEn), count: items.length })}
    >
      <List
        size="small"
        dataSource={items}
        style={{ maxHeight: 360, overflow: "auto" }}
        renderItem={(org) => (
          <List.Item extra={<Tag>{tEnum("kind", org.kind)}</Tag>}>
            <Link to={`/orgs/${encodeURIComponent(org.id)}`}>{pick(org.nameZh, org.nameEn)}</Link>
          </List.Item>
        )}
      />
    </Card>
  );
}

export default function ChainMapPage() {
  const { t, tEnum, pick } = useI18n();
  const map = useApi((signal) => api.chain.map(signal), []);
  const [params] = useSearchParams();
  const nodeParam = params.get("node");
  const [selected, setSelected] = useState<string | null>(nodeParam);
  // The global search opens /chain?node=…, also while the map is already shown.
  useEffect(() => {
    if (nodeParam) setSelected(nodeParam);
  }, [nodeParam]);

  const option = useMemo(
    () =>
      map.data === undefined
        ? null
        : chainGraphOption(
            map.data,
            pick,
            {
              weakLink: t("chain.weakLink"),
              normal: t("chain.normal"),
              firms: (count) => t("chain.firms", { count }),
              relations: (count) =>
                count === null ? t("chain.suppressedFlow") : t("chain.relations", { count }),
            },
            {
              selectedId: selected,
              headings: new Map(
                [...bandStarts(map.data.nodes.map((n) => n.stage))].map(([stage, band]) => [
                  stage,
                  tEnum("chain.band", band),
                ]),
              ),
            },
          ),
    [map.data, pick, t, tEnum, selected],
  );
  const weak = map.data?.nodes.filter((n) => n.weakLink) ?? [];

  const onClick = useCallback((e: ChartEvent) => {
    const data = e.data as { id?: unknown } | undefined;
    if (e.dataType === "node" && typeof data?.id === "string" && !data.id.startsWith(HEADING_PREFIX))
      setSelected(data.id);
  }, []);

  return (
    <div data-testid="chain-page">
      <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
        <Typography.Title level={3}>{t("chain.title")}</Typography.Title>
        <Select
          style={{ width: 280 }}
          allowClear
          showSearch={{
            filterOption: (input, option) =>
              map.data !== undefined && matchNodes(map.data, input).includes(String(option?.value)),
          }}
          placeholder={t("chain.search")}
          data-testid="chain-search"
          value={selected ?? undefined}
          onChange={(v: string | undefined) => setSelected(v ?? null)}
          options={(map.data?.nodes ?? []).map((n) => ({
            value: n.id,
            label: `${n.weakLink ? "⚠ " : ""}${pick(n.nameZh, n.nameEn)}`,
          }))}
        />
      </Space>
      <Alert type="info" showIcon title={t("chain.hint")} style={{ marginBottom: 16 }} />
      {map.error !== null && <ErrorAlert error={map.error} onRetry={map.reload} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Card size="small">
            {option === null ? (
              <Skeleton active />
            ) : (
              <Chart
                testId="chart-chain"
                option={option}
                height={chainChartHeight(map.data?.nodes ?? [])}
                onClick={onClick}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Card
            size="small"
            title={t("chain.weakList")}
            data-testid="chain-weak-list"
            style={{ marginBottom: 16 }}
          >
            {weak.length === 0 ? (
              <Typography.Text type="secondary">{t("chain.noWeak")}</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={weak}
                renderItem={(n) => (
                  <List.Item
                    style={{ cursor: "pointer" }}
                    onClick={() => setSelected(n.id)}
                    extra={<Tag color="red">{t("chain.firms", { count: n.firmCount })}</Tag>}
                  >
                    <span data-testid="weak-node-name">{pick(n.nameZh, n.nameEn)}</span>
                  </List.Item>
                )}
              />
            )}
          </Card>
          {selected !== null && map.data !== undefined && <WeakLinkAdvice map={map.data} nodeId={selected} />}
          {selected === null ? (
            <Typography.Text type="secondary">{t("chain.selectHint")}</Typography.Text>
          ) : (
            <NodeOrgs nodeId={selected} />
          )}
        </Col>
      </Row>
    </div>
  );
}
