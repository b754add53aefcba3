import type { Detector } from "@clusterbrain/contracts";
import { Tag as AntTag, App, Button, InputNumber, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { falseAlarmRate } from "./alarm-format.ts";
import { alarmsApi } from "./alarms.api.ts";

const STATUS_COLOR = { learning: "blue", ready: "green", failed: "red" } as const;

/** Per-tag detectors: the chart chosen, the target run length (editable) and the expected false-alarm rate. */
export function DetectorsTab({ canConfigure }: { canConfigure: boolean }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const list = useApi((signal) => alarmsApi.detectors(signal), []);
  const [editing, setEditing] = useState<{ tagId: string; value: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const save = async () => {
    if (!editing) return;
    setBusy(true);
    setFailure(null);
    try {
      await alarmsApi.configure(editing.tagId, editing.value);
      void message.success(t("detectors.saved"));
      setEditing(null);
      list.reload();
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Typography.Paragraph type="secondary">{t("detectors.help")}</Typography.Paragraph>
      <ErrorAlert error={list.error ?? failure} />
      <Table<Detector>
        rowKey="tagId"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t("detectors.empty") }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 800 }}
        data-testid="detector-table"
        columns={[
          {
            key: "tag",
            title: t("detectors.col.tag"),
            render: (_, d) => (d.unit ? `${d.tagKey} (${d.unit})` : d.tagKey),
          },
          {
            key: "status",
            title: t("detectors.col.status"),
            render: (_, d) => (
              <AntTag color={STATUS_COLOR[d.status]} title={d.message ?? undefined}>
                {t(`detectors.status.${d.status}`)}
              </AntTag>
            ),
          },
          { key: "chosen", title: t("detectors.col.chosen"), render: (_, d) => d.chosen ?? "—" },
          {
            key: "target",
            title: t("detectors.col.targetArl"),
            render: (_, d) =>
              editing?.tagId === d.tagId ? (
                <Space size={4}>
                  <InputNumber
                    min={100}
                    max={10_000_000}
                    step={1000}
                    value={editing.value}
                    onChange={(v) => setEditing({ tagId: d.tagId, value: Number(v ?? d.targetArl) })}
                  />
                  <Button size="small" type="primary" loading={busy} onClick={save}>
                    {t("alarms.save")}
                  </Button>
                  <Button size="small" onClick={() => setEditing(null)}>
                    {t("alarms.cancel")}
                  </Button>
                </Space>
              ) : (
                <Space size={4}>
                  {d.targetArl.toLocaleString(locale)}
                  {canConfigure && (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => setEditing({ tagId: d.tagId, value: d.targetArl })}
                    >
                      {t("detectors.edit")}
                    </Button>
                  )}
                </Space>
              ),
          },
          {
            key: "expected",
            title: t("detectors.col.expected"),
            render: (_, d) => falseAlarmRate(d.expectedFalseAlarmsPer10k, locale),
          },
          {
            key: "learned",
            title: t("detectors.col.learned"),
            render: (_, d) => d.learnedPoints.toLocaleString(locale),
          },
        ]}
      />
    </Space>
  );
}
