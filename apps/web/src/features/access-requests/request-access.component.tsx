import { DATA_CLASSES, type DataClass } from "@clusterbrain/contracts";
import { Button, Form, Input, Modal, message, Select } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { api } from "../../shared/api/endpoints.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { type AccessRequestFormValues, toAccessRequest } from "./access-request-form.ts";

/** "Request access" where a profile says "no access": the owner is asked for one data class and a purpose. */
export function RequestAccessButton({ ownerOrgId, dataClass }: { ownerOrgId: string; dataClass: DataClass }) {
  const { t, tEnum } = useI18n();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<AccessRequestFormValues>();
  const [toast, toastHolder] = message.useMessage();

  const submit = async (values: AccessRequestFormValues) => {
    setBusy(true);
    setError(null);
    try {
      await api.accessRequests.create(toAccessRequest(ownerOrgId, values));
      toast.success(t("access.sent"));
      setSent(true);
      setOpen(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {toastHolder}
      <Button
        size="small"
        type="primary"
        disabled={sent}
        data-testid={`request-access-${dataClass}`}
        onClick={() => setOpen(true)}
      >
        {sent ? t("access.pending") : t("access.request")}
      </Button>
      <Modal
        open={open}
        title={t("access.request")}
        okText={t("access.send")}
        cancelText={t("common.cancel")}
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okButtonProps={{ "data-testid": "access-request-send" }}
        destroyOnHidden
      >
        <Form<AccessRequestFormValues>
          form={form}
          layout="vertical"
          initialValues={{ dataClass }}
          onFinish={submit}
          data-testid="access-request-form"
        >
          <Form.Item name="dataClass" label={t("grants.dataClass")} rules={[{ required: true }]}>
            <Select
              data-testid="access-request-class"
              options={DATA_CLASSES.map((c) => ({ value: c, label: tEnum("dataClass", c) }))}
            />
          </Form.Item>
          <Form.Item
            name="purpose"
            label={t("grants.purpose")}
            extra={t("access.purposeHint")}
            rules={[{ required: true, whitespace: true, message: t("myOrg.required") }]}
          >
            <Input.TextArea rows={3} maxLength={500} data-testid="access-request-purpose" />
          </Form.Item>
          {error !== null && <ErrorAlert error={error} />}
        </Form>
      </Modal>
    </>
  );
}
