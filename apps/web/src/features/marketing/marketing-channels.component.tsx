import { CHANNEL_KINDS, type Channel, type ChannelKind, type ChannelShare } from "@clusterbrain/contracts";
import { Button, Card, Input, message, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { canManageOrg } from "../../shared/auth/access.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { DataText } from "../../shared/ui/data-text.component.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { marketingApi } from "./marketing.api.ts";

const COLORS = { pending: "gold", approved: "green", declined: "red", revoked: "default" } as const;

/** Channels shared between firms by agreement; the hub's fairs and conferences are open channels. */
export function ChannelsCard() {
  const { t, tEnum, pick, fmt } = useI18n();
  const me = useMe();
  const list = useApi((signal) => marketingApi.channels(signal), []);
  const [offer, setOffer] = useState<{ kind: ChannelKind; name: string }>({ kind: "distributor", name: "" });
  const [error, setError] = useState<unknown>(null);
  const run = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      message.success(t("marketing.created"));
      list.reload();
    } catch (e) {
      setError(e);
    }
  };
  const manage = canManageOrg(me);
  return (
    <Card
      size="small"
      title={t("marketing.channels")}
      style={{ marginTop: 12 }}
      data-testid="marketing-channels"
    >
      {error ? <ErrorAlert error={error} /> : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          style={{ width: 160 }}
          value={offer.kind}
          onChange={(kind: ChannelKind) => setOffer({ ...offer, kind })}
          options={CHANNEL_KINDS.map((k) => ({ value: k, label: tEnum("marketing.channelKind", k) }))}
        />
        <Input
          placeholder={t("marketing.channelName")}
          value={offer.name}
          onChange={(e) => setOffer({ ...offer, name: e.target.value })}
          data-testid="channel-name"
          style={{ width: 240 }}
        />
        <Button
          data-testid="channel-offer"
          onClick={() => run(() => marketingApi.offerChannel({ ...offer, description: "" }))}
        >
          {t("marketing.offerChannel")}
        </Button>
      </Space>
      <Table<Channel>
        size="small"
        rowKey="id"
        pagination={{ pageSize: 8 }}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: t("marketing.channelName"), render: (_: unknown, c) => <DataText text={c.name} /> },
          {
            title: t("marketing.channelKindLabel"),
            render: (_: unknown, c) => tEnum("marketing.channelKind", c.kind),
          },
          {
            title: t("marketing.channelSource"),
            render: (_: unknown, c) =>
              c.source === "event"
                ? `${t("marketing.fromEvents")} · ${c.startsAt ? fmt.date(c.startsAt) : ""}`
                : t("marketing.byAgreement"),
          },
          { title: t("marketing.channelOwner"), render: (_: unknown, c) => pick(c.orgNameZh, c.orgNameEn) },
          {
            title: t("marketing.channelAccess"),
            render: (_: unknown, c) =>
              c.mine ? (
                <Tag>{t("marketing.ownChannel")}</Tag>
              ) : c.source === "event" ? (
                <Tag color="blue">{t("marketing.openToAll")}</Tag>
              ) : c.myShare === "pending" || c.myShare === "approved" ? (
                <Tag
                  color={COLORS[c.myShare]}
                  data-testid={`channel-share-${c.name}`}
                  data-status={c.myShare}
                >
                  {tEnum("marketing.shareStatus", c.myShare)}
                </Tag>
              ) : (
                <Button
                  size="small"
                  data-testid={`channel-request-${c.name}`}
                  onClick={() => run(() => marketingApi.requestChannel(c.id))}
                >
                  {t("marketing.requestChannel")}
                </Button>
              ),
          },
        ]}
      />
      <Table<ChannelShare>
        size="small"
        rowKey="id"
        pagination={false}
        title={() => t("marketing.shareRequests")}
        dataSource={list.data?.incoming ?? []}
        locale={{ emptyText: t("marketing.noShares") }}
        columns={[
          { title: t("marketing.channelName"), render: (_: unknown, s) => <DataText text={s.channelName} /> },
          {
            title: t("marketing.requester"),
            render: (_: unknown, s) => pick(s.requesterNameZh, s.requesterNameEn),
          },
          { title: t("marketing.shareNote"), render: (_: unknown, s) => <DataText text={s.note} /> },
          {
            title: t("marketing.shareStatusLabel"),
            render: (_: unknown, s) => (
              <Tag
                color={COLORS[s.status]}
                data-testid={`share-status-${s.channelName}`}
                data-status={s.status}
              >
                {tEnum("marketing.shareStatus", s.status)}
              </Tag>
            ),
          },
          {
            title: "",
            render: (_: unknown, s) =>
              !manage ? null : s.status === "pending" ? (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    data-testid={`share-approve-${s.channelName}`}
                    onClick={() => run(() => marketingApi.approveShare(s.id))}
                  >
                    {t("marketing.approve")}
                  </Button>
                  <Button size="small" danger onClick={() => run(() => marketingApi.declineShare(s.id))}>
                    {t("marketing.decline")}
                  </Button>
                </Space>
              ) : s.status === "approved" ? (
                <Button size="small" onClick={() => run(() => marketingApi.revokeShare(s.id))}>
                  {t("marketing.revoke")}
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
