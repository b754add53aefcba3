import type { PoolRound, SuppressedNumber } from "@clusterbrain/contracts";
import { Button, Card, InputNumber, Modal, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { DataText } from "../../shared/ui/data-text.component.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { materialsApi } from "./materials.api.ts";

/** Pooled demand per category and month, and pooled-purchase rounds to join; below k firms nothing is shown. */
export function MaterialPool({ canWrite }: { canWrite: boolean }) {
  const { t, tEnum } = useI18n();
  const demand = useApi((signal) => materialsApi.pooledDemand(signal), []);
  const rounds = useApi((signal) => materialsApi.rounds(signal), []);
  const [joining, setJoining] = useState<PoolRound | null>(null);
  const [quantity, setQuantity] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const k = demand.data?.k ?? rounds.data?.k ?? 3;
  const shown = (n: SuppressedNumber, testId: string) =>
    n.suppressed ? (
      <Typography.Text type="secondary" data-testid={testId} data-suppressed="true">
        {t("materials.pool.suppressed", { k })}
      </Typography.Text>
    ) : (
      <span data-testid={testId} data-suppressed="false">
        {n.value}
      </span>
    );

  const join = async () => {
    if (!joining || !quantity) return;
    setBusy(true);
    setError(null);
    try {
      await materialsApi.joinRound(joining.id, quantity);
      setJoining(null);
      rounds.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Typography.Paragraph type="secondary">{t("materials.pool.k", { k })}</Typography.Paragraph>
      {error !== null && <ErrorAlert error={error} />}
      <Card size="small" title={t("materials.rounds")}>
        {rounds.error !== null && <ErrorAlert error={rounds.error} onRetry={rounds.reload} />}
        <Table<PoolRound>
          data-testid="materials-rounds"
          data-loaded={rounds.loading ? "false" : "true"}
          size="small"
          rowKey="id"
          pagination={false}
          loading={rounds.loading}
          dataSource={rounds.data?.items ?? []}
          locale={{ emptyText: t("materials.rounds.empty") }}
          columns={[
            { title: t("materials.rounds.title"), render: (_, r) => <DataText text={r.title} /> },
            { title: t("materials.col.category"), render: (_, r) => tEnum("materialCategory", r.category) },
            { title: t("materials.pool.period"), dataIndex: "period" },
            { title: t("materials.rounds.closesOn"), dataIndex: "closesOn" },
            { title: t("materials.pool.firms"), render: (_, r) => shown(r.participants, "round-firms") },
            {
              title: t("materials.pool.total"),
              render: (_, r) => (
                <>
                  {shown(r.quantity, "round-total")} {r.quantity.suppressed ? "" : r.unit}
                </>
              ),
            },
            {
              title: t("materials.rounds.myQuantity"),
              render: (_, r) => (r.myQuantity === null ? "—" : `${r.myQuantity} ${r.unit}`),
            },
            {
              key: "actions",
              render: (_, r) => (
                <Space>
                  <Tag>
                    {t(
                      r.status === "open" ? "materials.rounds.status.open" : "materials.rounds.status.closed",
                    )}
                  </Tag>
                  {r.openedByMe && <Tag color="purple">{t("materials.rounds.openedByMe")}</Tag>}
                  {canWrite && r.status === "open" && (
                    <Button
                      size="small"
                      data-testid="round-join"
                      onClick={() => {
                        setJoining(r);
                        setQuantity(r.myQuantity);
                      }}
                    >
                      {t(r.myQuantity === null ? "materials.rounds.join" : "materials.rounds.change")}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t("materials.pool.demand")}>
        {demand.error !== null && <ErrorAlert error={demand.error} onRetry={demand.reload} />}
        <Table
          data-testid="materials-pooled-demand"
          size="small"
          rowKey={(c) => `${c.category}-${c.period}-${c.unit}`}
          pagination={false}
          loading={demand.loading}
          dataSource={demand.data?.items ?? []}
          columns={[
            { title: t("materials.col.category"), render: (_, c) => tEnum("materialCategory", c.category) },
            { title: t("materials.pool.period"), dataIndex: "period" },
            {
              title: t("materials.pool.firms"),
              render: (_, c) => shown({ ...c.quantity, value: c.quantity.firms }, "pool-firms"),
            },
            {
              title: t("materials.pool.total"),
              render: (_, c) => (
                <>
                  {shown(c.quantity, "pool-total")} {c.quantity.suppressed ? "" : c.unit}
                </>
              ),
            },
            {
              key: "mine",
              render: (_, c) => (c.mine ? <Tag color="blue">{t("materials.pool.mine")}</Tag> : null),
            },
          ]}
        />
      </Card>
      <Modal
        open={joining !== null}
        title={joining?.title}
        onCancel={() => setJoining(null)}
        onOk={join}
        confirmLoading={busy}
        okText={t("materials.rounds.submit")}
        okButtonProps={{ "data-testid": "round-join-submit" } as Record<`data-${string}`, string>}
        destroyOnHidden
      >
        <Space>
          <span>{t("materials.rounds.myQuantity")}</span>
          <InputNumber
            min={0.001}
            value={quantity}
            onChange={setQuantity}
            data-testid="round-join-quantity"
          />
          <span>{joining?.unit}</span>
        </Space>
      </Modal>
    </Space>
  );
}
