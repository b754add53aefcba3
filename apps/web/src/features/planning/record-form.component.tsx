import type { PlanningEntity, PlanningRecord, PlanningRecordWrite } from "@clusterbrain/contracts";
import { Form, Input, InputNumber, Modal, Select } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { planningApi } from "./planning.api.ts";
import { formData, recordFields } from "./record-fields.ts";

interface Props {
  entity: PlanningEntity;
  /** The record to edit, or null for a new one. */
  record: PlanningRecord | null;
  onClose(saved: boolean): void;
}

/** Create or edit one master data record; the fields come from the entity's contract schema. */
export function RecordForm({ entity, record, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fields = recordFields(entity);

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      // The server validates the body against the same schema; the cast only names the entity.
      await planningApi.save({ entity, data: formData(fields, values) } as PlanningRecordWrite);
      onClose(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={record ? t("planning.editRecord") : t("planning.newRecord")}
      okText={t("planning.saveRecord")}
      confirmLoading={busy}
      onOk={submit}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      {error !== null && <ErrorAlert error={error} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={record?.data ?? {}}
        data-testid="planning-record-form"
      >
        {fields.map((f) => (
          <Form.Item key={f.key} name={f.key} label={f.key} rules={[{ required: f.required }]}>
            {f.kind === "number" ? (
              <InputNumber style={{ width: "100%" }} />
            ) : f.kind === "choice" ? (
              <Select allowClear options={f.choices.map((c) => ({ value: c, label: c }))} />
            ) : (
              <Input disabled={record !== null && f.key === fields[0].key} />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
