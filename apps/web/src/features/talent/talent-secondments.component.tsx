import type { Secondment } from "@clusterbrain/contracts";
import { Button, Card, message, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { canManageOrg } from "../../shared/auth/access.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { talentApi } from "./talent.api.ts";

const COLORS = { pending: "gold", approved: "green", declined: "red" } as const;

/** Secondments of our people awaiting our decision (approval queue) and the ones we asked for. */
export function SecondmentsTab() {
  const { t, tEnum, pick } = useI18n();
  const me = useMe();
  const list = useApi((signal) => talentApi.secondments(signal), []);
  const [error, setError] = useState<unknown>(null);
  const decide = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      message.success(t("talent.saved"));
      list.reload();
    } catch (e) {
      setError(e);
    }
  };
  const columns = (incoming: boolean) => [
    { title: t("talent.person"), dataIndex: "personName" },
    {
      title: incoming ? t("talent.requester") : t("talent.host"),
      render: (_: unknown, s: Secondment) =>
        incoming ? pick(s.requesterNameZh, s.requesterNameEn) : pick(s.hostNameZh, s.hostNameEn),
    },
    { title: t("talent.role"), dataIndex: "role" },
    { title: t("talent.startsOn"), dataIndex: "startsOn" },
    { title: t("talent.endsOn"), dataIndex: "endsOn" },
    {
      title: t("talent.status"),
      render: (_: unknown, s: Secondment) => (
        <Tag
          color={COLORS[s.status]}
          data-testid={`secondment-status-${s.personName}`}
          data-status={s.status}
        >
          {tEnum("talent.status", s.status)}
        </Tag>
      ),
    },
    ...(incoming && canManageOrg(me)
      ? [
          {
            title: t("talent.actions"),
            render: (_: unknown, s: Secondment) =>
              s.status === "pending" ? (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => decide(() => talentApi.approve(s.id))}
                    data-testid={`secondment-approve-${s.personName}`}
                  >
                    {t("talent.approve")}
                  </Button>
                  <Button size="small" danger onClick={() => decide(() => talentApi.decline(s.id))}>
                    {t("talent.decline")}
                  </Button>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <div data-testid="talent-secondments">
      {error ? <ErrorAlert error={error} /> : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Card size="small" title={t("talent.incoming")} style={{ marginBottom: 12 }}>
        <Table<Secondment>
          size="small"
          rowKey="id"
          pagination={false}
          loading={list.loading}
          dataSource={list.data?.incoming ?? []}
          locale={{ emptyText: t("talent.empty") }}
          columns={columns(true)}
        />
      </Card>
      <Card size="small" title={t("talent.outgoing")}>
        <Table<Secondment>
          size="small"
          rowKey="id"
          pagination={false}
          loading={list.loading}
          dataSource={list.data?.outgoing ?? []}
          locale={{ emptyText: t("talent.empty") }}
          columns={columns(false)}
        />
      </Card>
    </div>
  );
}
