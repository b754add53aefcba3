import {
  ALARM_PRIORITIES,
  ALARM_STATES,
  type Alarm,
  type AlarmListQuery,
  type AlarmPriority,
  type AlarmStateName,
} from "@clusterbrain/contracts";
import {
  Tag as AntTag,
  App,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
} from "antd";
import { type ComponentProps, type HTMLAttributes, useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { useLive } from "../jobs/use-live.hook.ts";
import { canAcknowledge, PRIORITY_COLOR, STATE_COLOR } from "./alarm-format.ts";
import { alarmsApi } from "./alarms.api.ts";

type Dialog = { kind: "shelve" | "comment"; alarm: Alarm } | null;

/** The org's alarms with filters; acknowledge, shelve and comment; refreshed live. */
export function AlarmListTab({ canOperate }: { canOperate: boolean }) {
  const { t, tEnum, fmt } = useI18n();
  const dateTime = fmt.dateTime;
  const { message } = App.useApp();
  const [state, setState] = useState<AlarmStateName | undefined>();
  const [priority, setPriority] = useState<AlarmPriority | undefined>();
  const [tagId, setTagId] = useState<string | undefined>();
  const [range, setRange] = useState<ComponentProps<typeof DatePicker.RangePicker>["value"]>(null);
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const query: Partial<AlarmListQuery> = {
    state,
    priority,
    tagId,
    from: range?.[0]?.toISOString(),
    to: range?.[1]?.toISOString(),
    open: open ? "true" : undefined,
  };
  const list = useApi((signal) => alarmsApi.list(query, signal), [state, priority, tagId, range, open]);
  const detectors = useApi((signal) => alarmsApi.detectors(signal), []);
  useLive("alarm", () => list.reload());

  const run = async (id: string, action: () => Promise<unknown>, done: string) => {
    setBusy(id);
    setFailure(null);
    try {
      await action();
      void message.success(done);
      list.reload();
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space direction="vertical" style={{ width: "100%" }} size="middle">
      <Space wrap data-testid="alarm-filters">
        <Select
          allowClear
          style={{ minWidth: 150 }}
          placeholder={t("alarms.filter.state")}
          value={state}
          onChange={setState}
          options={ALARM_STATES.map((s) => ({ value: s, label: tEnum("alarmState", s) }))}
          data-testid="alarm-filter-state"
        />
        <Select
          allowClear
          style={{ minWidth: 120 }}
          placeholder={t("alarms.filter.priority")}
          value={priority}
          onChange={setPriority}
          options={ALARM_PRIORITIES.map((p) => ({ value: p, label: tEnum("alarmPriority", p) }))}
        />
        <Select
          allowClear
          showSearch
          style={{ minWidth: 160 }}
          placeholder={t("alarms.filter.tag")}
          value={tagId}
          onChange={setTagId}
          optionFilterProp="label"
          options={(detectors.data?.items ?? []).map((d) => ({ value: d.tagId, label: d.tagKey }))}
        />
        <DatePicker.RangePicker showTime value={range} onChange={(v) => setRange(v)} />
        <Checkbox checked={open} onChange={(e) => setOpen(e.target.checked)}>
          {t("alarms.filter.open")}
        </Checkbox>
        <Button href={alarmsApi.exportUrl(query)} download data-testid="alarm-export">
          {t("alarms.export")}
        </Button>
      </Space>
      <ErrorAlert error={list.error ?? failure} />
      <Table<Alarm>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t("alarms.empty") }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        data-testid="alarm-table"
        onRow={(a) => ({ "data-alarm-id": a.id, "data-alarm-state": a.state }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: "raisedAt", title: t("alarms.col.raisedAt"), render: (_, a) => dateTime(a.raisedAt) },
          {
            key: "tag",
            title: t("alarms.col.tag"),
            render: (_, a) => (a.unit ? `${a.tagKey} (${a.unit})` : a.tagKey),
          },
          {
            key: "priority",
            title: t("alarms.col.priority"),
            render: (_, a) => (
              <AntTag color={PRIORITY_COLOR[a.priority]}>{tEnum("alarmPriority", a.priority)}</AntTag>
            ),
          },
          {
            key: "state",
            title: t("alarms.col.state"),
            render: (_, a) => (
              <Space size={4} wrap>
                <AntTag color={STATE_COLOR[a.state]} data-testid="alarm-state">
                  {tEnum("alarmState", a.state)}
                </AntTag>
                {a.active && <AntTag color="volcano">{t("alarms.active")}</AntTag>}
                {a.shelvedUntil && (
                  <AntTag>{t("alarms.shelvedUntil", { time: dateTime(a.shelvedUntil) })}</AntTag>
                )}
              </Space>
            ),
          },
          {
            key: "value",
            title: t("alarms.col.value"),
            render: (_, a) => (a.value === null ? "—" : String(a.value)),
          },
          { key: "sources", title: t("alarms.col.sources"), render: (_, a) => a.sources.join(", ") },
          {
            key: "clearedAt",
            title: t("alarms.col.clearedAt"),
            render: (_, a) => (a.clearedAt ? dateTime(a.clearedAt) : "—"),
          },
          {
            key: "actions",
            title: t("alarms.col.actions"),
            render: (_, a) =>
              canOperate && (
                <Space size={4}>
                  <Button
                    size="small"
                    type="primary"
                    disabled={!canAcknowledge(a)}
                    loading={busy === a.id}
                    data-testid="alarm-ack"
                    onClick={() => run(a.id, () => alarmsApi.acknowledge(a.id), t("alarms.acknowledged"))}
                  >
                    {t("alarms.acknowledge")}
                  </Button>
                  <Button size="small" onClick={() => setDialog({ kind: "shelve", alarm: a })}>
                    {t("alarms.shelve")}
                  </Button>
                  <Button size="small" onClick={() => setDialog({ kind: "comment", alarm: a })}>
                    {a.comments > 0 ? t("alarms.comments", { count: a.comments }) : t("alarms.comment")}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {dialog && (
        <ActionDialog
          dialog={dialog}
          onClose={() => setDialog(null)}
          onDone={(id, action, done) => run(id, action, done).then(() => setDialog(null))}
        />
      )}
    </Space>
  );
}

function ActionDialog({
  dialog,
  onClose,
  onDone,
}: {
  dialog: NonNullable<Dialog>;
  onClose: () => void;
  onDone: (id: string, action: () => Promise<unknown>, done: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ minutes: number; reason?: string; text: string }>();
  const a = dialog.alarm;
  const submit = async () => {
    const v = await form.validateFields();
    if (dialog.kind === "shelve")
      await onDone(
        a.id,
        () => alarmsApi.shelve(a.id, { minutes: v.minutes, reason: v.reason || undefined }),
        t("alarms.shelved"),
      );
    else await onDone(a.id, () => alarmsApi.comment(a.id, v.text), t("alarms.commented"));
  };
  return (
    <Modal
      open
      title={`${dialog.kind === "shelve" ? t("alarms.shelve") : t("alarms.comment")} · ${a.tagKey}`}
      okText={t("alarms.save")}
      cancelText={t("alarms.cancel")}
      onCancel={onClose}
      onOk={submit}
    >
      <Form form={form} layout="vertical" initialValues={{ minutes: 60 }}>
        {dialog.kind === "shelve" ? (
          <>
            <Form.Item name="minutes" label={t("alarms.shelveMinutes")} rules={[{ required: true }]}>
              <InputNumber min={1} max={10_080} style={{ width: "100%" }} />
            </Form.Item>
            <Form.Item name="reason" label={t("alarms.shelveReason")}>
              <Input maxLength={500} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="text" label={t("alarms.comment")} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={2000} placeholder={t("alarms.commentPlaceholder")} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
