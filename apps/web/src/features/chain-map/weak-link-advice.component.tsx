import type { ChainMapResponse } from "@clusterbrain/contracts";
import { Alert, Card, List, Skeleton, Typography } from "antd";
import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { api } from "../../shared/api/endpoints.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { drillDownUrl } from "../dashboard/dashboard-model.ts";
import { neighbourCandidates } from "./chain-focus.ts";

/**
 * For a weak link: why it is one, and what to do — bring in suppliers from outside the cluster, or
 * ask firms on neighbouring nodes (same product family, or feeding this node) to supply it.
 */
export function WeakLinkAdvice({ map, nodeId }: { map: ChainMapResponse; nodeId: string }) {
  const { t, pick } = useI18n();
  const node = map.nodes.find((n) => n.id === nodeId);
  const candidates = neighbourCandidates(map, nodeId);
  const key = candidates.join(",");
  const nearby = useApi(
    async (signal) => {
      const lists = await Promise.all(candidates.map((id) => api.chain.nodeOrgs(id, signal)));
      return lists.flatMap((l) =>
        l.orgs.filter((o) => o.kind === "enterprise").map((o) => ({ org: o, node: l.node })),
      );
    },
    [key],
  );
  if (!node?.weakLink) return null;
  const name = pick(node.nameZh, node.nameEn);
  return (
    <Card
      size="small"
      title={t("chain.advice.title", { node: name })}
      data-testid="weak-link-advice"
      style={{ marginBottom: 16 }}
    >
      <Alert
        type="error"
        showIcon
        title={t("chain.advice.reason", { count: node.firmCount })}
        style={{ marginBottom: 8 }}
      />
      <Typography.Paragraph>
        <strong>1.</strong> {t("chain.advice.outside")}{" "}
        <Link to={drillDownUrl({ year: undefined, district: undefined, chainNode: nodeId })}>
          {t("chain.advice.current")}
        </Link>
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        <strong>2.</strong> {t("chain.advice.neighbours")}
      </Typography.Paragraph>
      {nearby.error !== null && <ErrorAlert error={nearby.error} onRetry={nearby.reload} />}
      {nearby.loading ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <List
          size="small"
          data-testid="weak-link-candidates"
          dataSource={(nearby.data ?? []).slice(0, 8)}
          locale={{ emptyText: t("chain.advice.none") }}
          renderItem={({ org, node: on }) => (
            <List.Item>
              <Link to={`/orgs/${encodeURIComponent(org.id)}`}>{pick(org.nameZh, org.nameEn)}</Link>
              <Typography.Text type="secondary">{pick(on.nameZh, on.nameEn)}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
