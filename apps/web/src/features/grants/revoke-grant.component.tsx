import { Button, Form, Input, Modal } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";

/** Revoke with a reason: the reason is stored, audited and shown to the grantee. */
export function RevokeGrantButton({ onRevoke }: { onRevoke: (reason: string) => Promise<void> }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ reason: string }>();

  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      await onRevoke(reason.trim());
      setOpen(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button danger size="small" data-testid="grant-revoke" onClick={() => setOpen(true)}>
        {t("grants.revoke")}
      </Button>
      <Modal
        open={open}
        title={t("grants.revokeConfirm")}
        okText={t("grants.revoke")}
        okButtonProps={{ danger: true, "data-testid": "grant-revoke-ok" }}
        cancelText={t("common.cancel")}
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="reason"
            label={t("revoke.reason")}
            extra={t("revoke.reasonHint")}
            rules={[{ required: true, whitespace: true, message: t("myOrg.required") }]}
          >
            <Input.TextArea rows={2} maxLength={500} data-testid="grant-revoke-reason" />
          </Form.Item>
          {error !== null && <ErrorAlert error={error} />}
        </Form>
      </Modal>
    </>
  );
}
