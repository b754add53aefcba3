import type { DowntimeWrite, LineMachine } from "@clusterbrain/contracts";
import { App, DatePicker, Form, Input, Modal, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { DataText } from "../../shared/ui/data-text.component.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { oeeApi } from "./oee.api.ts";

const KINDS = ["down", "setup", "idle", "planned_stop"] as const;

interface Values {
  machineId: string;
  state: DowntimeWrite["state"];
  reason: string;
  span: [Dayjs, Dayjs];
  note?: string;
}

/** Records a stop by hand (machine, kind, reason code, span, note); it overrides the state tag there. */
export function DowntimeDialog(props: {
  machines: readonly LineMachine[];
  onClose: (saved: boolean) => void;
}) {
  const { t, tEnum } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setFailure(null);
    try {
      await oeeApi.addDowntime({
        machineId: v.machineId,
        state: v.state,
        reason: v.reason.trim(),
        start: v.span[0].toISOString(),
        end: v.span[1].toISOString(),
        note: v.note?.trim() ?? "",
      });
      void message.success(t("oee.record.saved"));
      props.onClose(true);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t("oee.record")}
      okText={t("oee.record.save")}
      cancelText={t("oee.record.cancel")}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={() => props.onClose(false)}
    >
      {failure !== null && <ErrorAlert error={failure} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ state: "down", machineId: props.machines[0]?.machineId }}
      >
        <Form.Item name="machineId" label={t("oee.machine")} rules={[{ required: true }]}>
          <Select
            options={props.machines.map((m) => ({ value: m.machineId, label: <DataText text={m.name} /> }))}
          />
        </Form.Item>
        <Form.Item name="state" label={t("oee.record.state")} rules={[{ required: true }]}>
          <Select options={KINDS.map((k) => ({ value: k, label: tEnum("oee.state", k) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t("oee.record.reason")} rules={[{ required: true, max: 64 }]}>
          <Input data-testid="oee-record-reason" />
        </Form.Item>
        <Form.Item name="span" label={t("oee.record.span")} rules={[{ required: true }]}>
          <DatePicker.RangePicker showTime />
        </Form.Item>
        <Form.Item name="note" label={t("oee.col.note")} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
