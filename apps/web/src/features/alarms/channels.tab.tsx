import {
  ALARM_PRIORITIES,
  type AlarmPriority,
  NOTIFY_CHANNEL_KINDS,
  type NotifyChannel,
  type NotifyChannelKind,
  type NotifyChannelWrite,
} from "@clusterbrain/contracts";
import {
  Alert,
  Tag as AntTag,
  App,
  Button,
  type ButtonProps,
  Checkbox,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Space,
  Table,
  Typography,
} from "antd";
import { type HTMLAttributes, useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { alarmsApi } from "./alarms.api.ts";

interface Draft {
  id: string | null;
  kind: NotifyChannelKind;
  name: string;
  priorities: AlarmPriority[];
  recipients: string;
  webhookUrl: string;
  secret: string;
  quietStart: string;
  quietEnd: string;
}

const EMPTY: Draft = {
  id: null,
  kind: "email",
  name: "",
  priorities: [...ALARM_PRIORITIES],
  recipients: "",
  webhookUrl: "",
  secret: "",
  quietStart: "",
  quietEnd: "",
};

/** What the form sends: a webhook or secret left empty on an edit keeps the stored one. */
export function channelBody(d: Draft): NotifyChannelWrite {
  return {
    kind: d.kind,
    name: d.name.trim(),
    priorities: d.priorities,
    recipients:
      d.kind === "email"
        ? d.recipients
            .split(/[,;，；\s]+/)
            .map((x) => x.trim())
            .filter((x) => x !== "")
        : [],
    ...(d.kind !== "email" && d.webhookUrl.trim() ? { webhookUrl: d.webhookUrl.trim() } : {}),
    ...((d.kind === "dingtalk" || d.kind === "feishu") && d.secret ? { secret: d.secret } : {}),
    quietStart: d.quietStart.trim() || null,
    quietEnd: d.quietEnd.trim() || null,
  };
}

/** The org's notification channels: add, edit, remove, send a test; quiet hours per channel. */
export function ChannelsTab({ canManage }: { canManage: boolean }) {
  const { t, tEnum, fmt } = useI18n();
  const { message } = App.useApp();
  const list = useApi((signal) => alarmsApi.channels(signal), []);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [tested, setTested] = useState<Record<string, { ok: boolean; error: string | null }>>({});

  const save = async () => {
    if (!draft) return;
    setBusy("save");
    setFailure(null);
    try {
      const body = channelBody(draft);
      if (draft.id) await alarmsApi.updateChannel(draft.id, body);
      else await alarmsApi.createChannel(body);
      void message.success(t("channels.saved"));
      setDraft(null);
      list.reload();
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(null);
    }
  };
  const act = async (id: string, action: () => Promise<unknown>) => {
    setBusy(id);
    setFailure(null);
    try {
      await action();
      list.reload();
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(null);
    }
  };
  const edit = (c: NotifyChannel) =>
    setDraft({
      ...EMPTY,
      id: c.id,
      kind: c.kind,
      name: c.name,
      priorities: c.priorities,
      recipients: c.recipients.join(", "),
      quietStart: c.quietStart ?? "",
      quietEnd: c.quietEnd ?? "",
    });
  const set = (patch: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...patch } : d));

  return (
    <Space direction="vertical" style={{ width: "100%" }} size="middle" data-testid="channels-tab">
      <Typography.Paragraph type="secondary">{t("channels.help")}</Typography.Paragraph>
      {list.data && !list.data.smtpConfigured && (
        <Alert type="warning" showIcon message={t("channels.noSmtp")} />
      )}
      {canManage && (
        <Button type="primary" onClick={() => setDraft({ ...EMPTY })} data-testid="channel-add">
          {t("channels.add")}
        </Button>
      )}
      {(list.error ?? (draft ? null : failure)) ? <ErrorAlert error={list.error ?? failure} /> : null}
      <Table<NotifyChannel>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t("channels.empty") }}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="channel-table"
        onRow={(c) =>
          ({ "data-channel-id": c.id, "data-channel-kind": c.kind }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          { key: "name", title: t("channels.col.name"), render: (_, c) => c.name },
          { key: "kind", title: t("channels.col.kind"), render: (_, c) => t(`channels.kind.${c.kind}`) },
          {
            key: "target",
            title: t("channels.col.target"),
            render: (_, c) =>
              c.kind === "email" ? (
                c.recipients.join(", ")
              ) : (
                <Space size={4}>
                  <span>{c.webhookOrigin ?? "—"}</span>
                  {c.hasSecret && <AntTag>{t("channels.signed")}</AntTag>}
                </Space>
              ),
          },
          {
            key: "priorities",
            title: t("channels.col.priorities"),
            render: (_, c) => c.priorities.map((p) => tEnum("alarmPriority", p)).join(" / "),
          },
          {
            key: "quiet",
            title: t("channels.col.quiet"),
            render: (_, c) =>
              c.quietStart
                ? t("channels.quietValue", { start: c.quietStart, end: c.quietEnd ?? "", held: c.held })
                : "—",
          },
          {
            key: "last",
            title: t("channels.col.last"),
            render: (_, c) => {
              const r = tested[c.id];
              if (r)
                return (
                  <AntTag
                    color={r.ok ? "green" : "red"}
                    data-testid="channel-test-result"
                    title={r.error ?? undefined}
                  >
                    {r.ok ? t("channels.testOk") : t("channels.testFailed")}
                  </AntTag>
                );
              return c.lastError ? (
                <AntTag color="red" title={c.lastError}>
                  {t("channels.testFailed")}
                </AntTag>
              ) : c.lastSentAt ? (
                fmt.dateTime(c.lastSentAt)
              ) : (
                "—"
              );
            },
          },
          ...(canManage
            ? [
                {
                  key: "actions",
                  title: t("alarms.col.actions"),
                  render: (_: unknown, c: NotifyChannel) => (
                    <Space size={4}>
                      <Button
                        size="small"
                        loading={busy === c.id}
                        data-testid="channel-test"
                        onClick={() =>
                          act(c.id, async () => {
                            const r = await alarmsApi.testChannel(c.id);
                            setTested((m) => ({ ...m, [c.id]: r }));
                          })
                        }
                      >
                        {t("channels.test")}
                      </Button>
                      <Button size="small" onClick={() => edit(c)}>
                        {t("channels.edit")}
                      </Button>
                      <Popconfirm
                        title={t("channels.removeConfirm")}
                        onConfirm={() => act(c.id, () => alarmsApi.deleteChannel(c.id))}
                      >
                        <Button size="small" danger>
                          {t("channels.remove")}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={draft !== null}
        title={draft?.id ? t("channels.edit") : t("channels.add")}
        onCancel={() => setDraft(null)}
        onOk={save}
        okText={t("alarms.save")}
        cancelText={t("alarms.cancel")}
        okButtonProps={{ loading: busy === "save", "data-testid": "channel-save" } as ButtonProps}
        destroyOnHidden
      >
        {draft && (
          <Space direction="vertical" style={{ width: "100%" }} data-testid="channel-form">
            {failure ? <ErrorAlert error={failure} /> : null}
            <Radio.Group
              value={draft.kind}
              disabled={draft.id !== null}
              onChange={(e) => set({ kind: e.target.value as NotifyChannelKind })}
              optionType="button"
              options={NOTIFY_CHANNEL_KINDS.map((k) => ({ value: k, label: t(`channels.kind.${k}`) }))}
              data-testid="channel-kind"
            />
            <Input
              placeholder={t("channels.col.name")}
              value={draft.name}
              onChange={(e) => set({ name: e.target.value })}
              data-testid="channel-name"
            />
            {draft.kind === "email" ? (
              <Input.TextArea
                placeholder={t("channels.recipients")}
                value={draft.recipients}
                onChange={(e) => set({ recipients: e.target.value })}
                data-testid="channel-recipients"
              />
            ) : (
              <>
                <Input
                  placeholder={draft.id ? t("channels.webhookKeep") : t("channels.webhook")}
                  value={draft.webhookUrl}
                  onChange={(e) => set({ webhookUrl: e.target.value })}
                  data-testid="channel-webhook"
                />
                {draft.kind !== "wecom" && (
                  <Input.Password
                    placeholder={draft.id ? t("channels.secretKeep") : t("channels.secret")}
                    value={draft.secret}
                    onChange={(e) => set({ secret: e.target.value })}
                    data-testid="channel-secret"
                  />
                )}
              </>
            )}
            <Typography.Text>{t("channels.col.priorities")}</Typography.Text>
            <Checkbox.Group
              value={draft.priorities}
              onChange={(v) => set({ priorities: v as AlarmPriority[] })}
              options={ALARM_PRIORITIES.map((p) => ({ value: p, label: tEnum("alarmPriority", p) }))}
            />
            <Typography.Text>{t("channels.quietHelp")}</Typography.Text>
            <Space>
              <Input
                placeholder="22:00"
                value={draft.quietStart}
                onChange={(e) => set({ quietStart: e.target.value })}
                style={{ width: 100 }}
                data-testid="channel-quiet-start"
              />
              <span>–</span>
              <Input
                placeholder="07:00"
                value={draft.quietEnd}
                onChange={(e) => set({ quietEnd: e.target.value })}
                style={{ width: 100 }}
                data-testid="channel-quiet-end"
              />
            </Space>
          </Space>
        )}
      </Modal>
    </Space>
  );
}
