import {
  type AssetTree,
  MACHINE_PROCESS_TYPES,
  type MachineProcessType,
  TAG_DATA_TYPES,
  type TagDataType,
} from "@clusterbrain/contracts";
import { Button, Card, Form, Input, InputNumber, message, Select, Space } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { api } from "../../shared/api/endpoints.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import type { AssetNodeKind } from "./asset-tree.ts";

interface Values {
  parentId?: string;
  name?: string;
  processType?: MachineProcessType;
  dataType?: TagDataType;
  unit?: string;
  low?: number | null;
  high?: number | null;
}

/** Adds one asset under a parent of the level above (sites have none). */
export function AssetForm({ tree, onSaved }: { tree: AssetTree; onSaved: () => void }) {
  const { t, tEnum } = useI18n();
  const [toast, toastHolder] = message.useMessage();
  const [kind, setKind] = useState<AssetNodeKind>("site");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const parents: { value: string; label: string }[] = {
    site: [],
    line: tree.sites.map((s) => ({ value: s.id, label: s.name })),
    machine: tree.lines.map((l) => ({ value: l.id, label: l.name })),
    device: tree.machines.map((m) => ({ value: m.id, label: m.name })),
    tag: tree.devices.map((d) => ({ value: d.id, label: d.name })),
  }[kind];

  const save = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const parentId = v.parentId ?? "";
      const name = v.name ?? "";
      if (kind === "site") await api.telemetry.createSite({ name });
      if (kind === "line") await api.telemetry.createLine({ siteId: parentId, name });
      if (kind === "machine")
        await api.telemetry.createMachine({ lineId: parentId, name, processType: v.processType ?? "other" });
      if (kind === "device") await api.telemetry.createDevice({ machineId: parentId, name });
      if (kind === "tag")
        await api.telemetry.createTag({
          deviceId: parentId,
          key: name,
          dataType: v.dataType ?? "number",
          unit: v.unit ?? "",
          low: v.low ?? null,
          high: v.high ?? null,
        });
      toast.success(t("devices.saved"));
      form.resetFields(["name"]);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t("devices.addTitle")} size="small" data-testid="asset-form">
      {toastHolder}
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item>
          <Select
            data-testid="asset-kind"
            value={kind}
            onChange={(k: AssetNodeKind) => {
              setKind(k);
              form.resetFields(["parentId"]);
            }}
            options={(["site", "line", "machine", "device", "tag"] as const).map((k) => ({
              value: k,
              label: tEnum("devices.kind", k),
            }))}
          />
        </Form.Item>
        {kind !== "site" && (
          <Form.Item name="parentId" label={t("devices.parent")} rules={[{ required: true }]}>
            <Select data-testid="asset-parent" options={parents} showSearch optionFilterProp="label" />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={kind === "tag" ? t("devices.tagKey") : t("devices.name")}
          rules={[{ required: true }]}
        >
          <Input data-testid="asset-name" maxLength={200} />
        </Form.Item>
        {kind === "machine" && (
          <Form.Item name="processType" label={t("devices.processType")} rules={[{ required: true }]}>
            <Select
              options={MACHINE_PROCESS_TYPES.map((p) => ({ value: p, label: tEnum("devices.process", p) }))}
            />
          </Form.Item>
        )}
        {kind === "tag" && (
          <Space wrap>
            <Form.Item name="dataType" label={t("devices.dataType")} rules={[{ required: true }]}>
              <Select
                style={{ width: 120 }}
                options={TAG_DATA_TYPES.map((d) => ({ value: d, label: tEnum("devices.dataType", d) }))}
              />
            </Form.Item>
            <Form.Item name="unit" label={t("devices.unit")}>
              <Input style={{ width: 90 }} maxLength={40} />
            </Form.Item>
            <Form.Item name="low" label={t("devices.low")}>
              <InputNumber style={{ width: 110 }} />
            </Form.Item>
            <Form.Item name="high" label={t("devices.high")}>
              <InputNumber style={{ width: 110 }} />
            </Form.Item>
          </Space>
        )}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="asset-save">
          {t("devices.save")}
        </Button>
      </Form>
    </Card>
  );
}
