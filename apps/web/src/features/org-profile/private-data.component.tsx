import type { DataClass, IndicatorList, RelationList } from "@clusterbrain/contracts";
import { Alert, Button, Card, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { ApiError } from "../../shared/api/api-error.ts";
import { api } from "../../shared/api/endpoints.ts";
import { canRequestAccess } from "../../shared/auth/access.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { Chart } from "../../shared/charts/chart.component.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { RequestAccessButton } from "../access-requests/request-access.component.tsx";
import { orgIndicatorsOption } from "./org-indicators.chart.ts";

type Loaded<T> =
  | { state: "idle" }
  | { state: "loading" }
  | { state: "done"; data: T }
  | { state: "error"; error: unknown };

/** 404 is how the API says "not yours and no grant" (it never confirms the data exists). */
function NoAccessOr({ error, orgId, dataClass }: { error: unknown; orgId: string; dataClass: DataClass }) {
  const { t } = useI18n();
  const me = useMe();
  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t("private.noAccess")}
        data-testid="private-no-access"
        action={
          canRequestAccess(me) && me.org.id !== orgId ? (
            <RequestAccessButton ownerOrgId={orgId} dataClass={dataClass} />
          ) : undefined
        }
      />
    );
  }
  return <ErrorAlert error={error} />;
}

function AccessTag({ access }: { access: "own" | "grant" }) {
  const { t } = useI18n();
  return (
    <Tag color={access === "own" ? "blue" : "gold"}>
      {access === "own" ? t("private.own") : t("private.viaGrant")}
    </Tag>
  );
}

/**
 * Indicators and relations load only when asked for: a read through a grant is audited on the
 * grantor's side, so merely opening a profile must not count as reading its private data.
 */
export function PrivateData({ orgId }: { orgId: string }) {
  const { t, tEnum, pick } = useI18n();
  const [indicators, setIndicators] = useState<Loaded<IndicatorList>>({ state: "idle" });
  const [relations, setRelations] = useState<Loaded<RelationList>>({ state: "idle" });

  const load = async <T,>(fetcher: () => Promise<T>, set: (v: Loaded<T>) => void) => {
    set({ state: "loading" });
    try {
      set({ state: "done", data: await fetcher() });
    } catch (error) {
      set({ state: "error", error });
    }
  };

  return (
    <Card size="small" title={t("private.title")} data-testid="profile-private">
      <Typography.Paragraph type="secondary">{t("private.hint")}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button
          data-testid="show-indicators"
          loading={indicators.state === "loading"}
          onClick={() => load(() => api.orgs.indicators(orgId), setIndicators)}
        >
          {t("private.showIndicators")}
        </Button>
        <Button
          data-testid="show-relations"
          loading={relations.state === "loading"}
          onClick={() => load(() => api.orgs.relations(orgId), setRelations)}
        >
          {t("private.showRelations")}
        </Button>
      </Space>
      {indicators.state === "error" && (
        <NoAccessOr error={indicators.error} orgId={orgId} dataClass="indicators" />
      )}
      {indicators.state === "done" && (
        <div style={{ marginBottom: 12 }}>
          <AccessTag access={indicators.data.access} />
          <Chart
            testId="chart-org-indicators"
            option={orgIndicatorsOption(indicators.data.items, t)}
            height={300}
          />
        </div>
      )}
      {relations.state === "error" && (
        <NoAccessOr error={relations.error} orgId={orgId} dataClass="relations" />
      )}
      {relations.state === "done" && (
        <>
          <AccessTag access={relations.data.access} />
          <Table
            size="small"
            rowKey="id"
            data-testid="org-relations"
            dataSource={relations.data.items}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: true }}
            columns={[
              {
                title: t("private.supplier"),
                key: "s",
                render: (_, r) => (
                  <Link
                    to={`/orgs/${encodeURIComponent(r.supplierOrgId)}`}
                    data-testid="relation-supplier-link"
                  >
                    {pick(r.supplierNameZh, r.supplierNameEn)}
                  </Link>
                ),
              },
              {
                title: t("private.customer"),
                key: "c",
                render: (_, r) => (
                  <Link
                    to={`/orgs/${encodeURIComponent(r.customerOrgId)}`}
                    data-testid="relation-customer-link"
                  >
                    {pick(r.customerNameZh, r.customerNameEn)}
                  </Link>
                ),
              },
              { title: t("private.product"), dataIndex: "product", key: "p" },
              { title: t("private.volume"), key: "v", render: (_, r) => tEnum("volume", r.volumeBand) },
              { title: t("private.since"), key: "y", render: (_, r) => r.sinceYear ?? "—" },
            ]}
          />
        </>
      )}
    </Card>
  );
}
