import type { Device, DeviceCredentialIssued } from "@clusterbrain/contracts";
import { Button, Modal, Popconfirm, Space, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { api } from "../../shared/api/endpoints.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";

/** Issue, rotate or revoke a device's broker credential; the new password is shown once. */
export function CredentialControls({ device, onChanged }: { device: Device; onChanged: () => void }) {
  const { t } = useI18n();
  const [issued, setIssued] = useState<DeviceCredentialIssued | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space size="small" wrap>
      <Button
        size="small"
        loading={busy}
        data-testid={`credential-issue-${device.id}`}
        onClick={() => act(async () => setIssued(await api.telemetry.issueCredential(device.id)))}
      >
        {device.username ? t("devices.rotate") : t("devices.issue")}
      </Button>
      {device.username && (
        <Popconfirm
          title={t("devices.revokeConfirm")}
          onConfirm={() => act(() => api.telemetry.revokeCredential(device.id))}
        >
          <Button size="small" danger data-testid={`credential-revoke-${device.id}`}>
            {t("devices.revoke")}
          </Button>
        </Popconfirm>
      )}
      {error ? <ErrorAlert error={error} /> : null}
      <Modal
        open={issued !== null}
        title={t("devices.credential")}
        onCancel={() => setIssued(null)}
        footer={
          <Button type="primary" onClick={() => setIssued(null)} data-testid="credential-close">
            {t("devices.close")}
          </Button>
        }
      >
        <Typography.Paragraph type="warning">{t("devices.passwordOnce")}</Typography.Paragraph>
        <Typography.Paragraph>
          {t("devices.username")}:{" "}
          <Typography.Text code copyable data-testid="credential-username">
            {issued?.username}
          </Typography.Text>
        </Typography.Paragraph>
        <Typography.Paragraph>
          {t("devices.password")}:{" "}
          <Typography.Text code copyable data-testid="credential-password">
            {issued?.password}
          </Typography.Text>
        </Typography.Paragraph>
      </Modal>
    </Space>
  );
}
