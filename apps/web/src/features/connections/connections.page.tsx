import type { Connection, ConnectionInputRequest, ModbusRegisterInput } from "@clusterbrain/contracts";
import { Alert, Button, Card, Input, InputNumber, Select, Space, Table, Tag, Tree, Typography } from "antd";
import type { DataNode } from "antd/es/tree";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { api } from "../../shared/api/endpoints.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { PageLoading } from "../../shared/ui/page-loading.component.tsx";

const STATE_COLOR = { stopped: "default", connecting: "blue", connected: "green", error: "red" } as const;

/** OPC UA browser: expands nodes through the server API; a variable can be mapped to a tag. */
function OpcuaBrowser({
  connection,
  tags,
  onSaved,
}: {
  connection: Connection;
  tags: { value: string; label: string }[];
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [nodes, setNodes] = useState<DataNode[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [tagId, setTagId] = useState<string | undefined>();
  const load = async (nodeId?: string): Promise<DataNode[]> => {
    const res = await api.connections.browse(connection.id, nodeId);
    return res.nodes.map((n) => ({
      key: n.nodeId,
      title: `${n.displayName} (${n.nodeId})`,
      isLeaf: n.nodeClass === "Variable",
      selectable: n.nodeClass === "Variable",
    }));
  };
  const setChildren = (list: DataNode[], key: React.Key, children: DataNode[]): DataNode[] =>
    list.map((n) =>
      n.key === key
        ? { ...n, children }
        : { ...n, children: n.children && setChildren(n.children, key, children) },
    );
  const save = async () => {
    if (!picked || !tagId || !connection.opcua) return;
    const o = connection.opcua;
    const body: ConnectionInputRequest = {
      name: connection.name,
      kind: "opcua",
      deviceId: connection.deviceId,
      enabled: connection.enabled,
      opcua: {
        endpointUrl: o.endpointUrl,
        securityMode: o.securityMode,
        securityPolicy: o.securityPolicy,
        username: o.username ?? undefined,
        samplingMs: o.samplingMs,
        nodes: [...o.nodes.filter((n) => n.nodeId !== picked), { nodeId: picked, tagId }],
      },
    };
    try {
      await api.connections.update(connection.id, body);
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Button
        data-testid="opcua-browse"
        onClick={() =>
          load().then(setNodes, (err: unknown) => {
            setError(err);
          })
        }
      >
        {t("connections.browse")}
      </Button>
      {error !== null && <ErrorAlert error={error} />}
      <Tree
        treeData={nodes}
        loadData={async (node) => {
          const children = await load(String(node.key)).catch((err: unknown) => {
            setError(err);
            return [];
          });
          setNodes((list) => setChildren(list, node.key, children));
        }}
        onSelect={(keys) => setPicked(keys[0] === undefined ? null : String(keys[0]))}
      />
      {picked && (
        <Space wrap>
          <Typography.Text code>{picked}</Typography.Text>
          <Select
            style={{ minWidth: 200 }}
            placeholder={t("connections.mapTo")}
            options={tags}
            value={tagId}
            onChange={setTagId}
          />
          <Button type="primary" data-testid="opcua-map" onClick={save}>
            {t("connections.save")}
          </Button>
        </Space>
      )}
    </Space>
  );
}

/** Register map editor of a Modbus connection. */
function RegisterEditor({
  connection,
  tags,
  onSaved,
}: {
  connection: Connection;
  tags: { value: string; label: string }[];
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const m = connection.modbus;
  const [rows, setRows] = useState<ModbusRegisterInput[]>(m?.registers ?? []);
  const [error, setError] = useState<unknown>(null);
  if (!m) return null;
  const patch = (i: number, change: Partial<ModbusRegisterInput>) =>
    setRows((list) => list.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const save = async () => {
    try {
      await api.connections.update(connection.id, {
        name: connection.name,
        kind: "modbus",
        deviceId: connection.deviceId,
        enabled: connection.enabled,
        modbus: {
          host: m.host,
          port: m.port,
          unitId: m.unitId,
          pollMs: m.pollMs,
          timeoutMs: m.timeoutMs,
          registers: rows,
        },
      });
      setError(null);
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Typography.Text strong>{t("connections.registers")}</Typography.Text>
      {rows.map((r, i) => (
        // Rows have no identity of their own until saved; position is what the editor edits.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Space key={i} wrap>
          <Select
            style={{ minWidth: 160 }}
            options={tags}
            value={r.tagId}
            onChange={(v) => patch(i, { tagId: v })}
          />
          <Select
            value={r.table}
            options={["holding", "input"].map((v) => ({ value: v, label: v }))}
            onChange={(v) => patch(i, { table: v as ModbusRegisterInput["table"] })}
          />
          <InputNumber
            addonBefore={t("connections.address")}
            value={r.address}
            onChange={(v) => patch(i, { address: v ?? 0 })}
          />
          <Select
            value={r.type}
            options={["int16", "uint16", "int32", "uint32", "float32"].map((v) => ({ value: v, label: v }))}
            onChange={(v) => patch(i, { type: v as ModbusRegisterInput["type"] })}
          />
          <InputNumber
            addonBefore={t("connections.scale")}
            value={r.scale ?? 1}
            onChange={(v) => patch(i, { scale: v ?? 1 })}
          />
          <InputNumber
            addonBefore={t("connections.offset")}
            value={r.offset ?? 0}
            onChange={(v) => patch(i, { offset: v ?? 0 })}
          />
        </Space>
      ))}
      <Space>
        <Button
          onClick={() =>
            setRows((list) => [
              ...list,
              { tagId: tags[0]?.value ?? "", table: "holding", address: 0, type: "int16" },
            ])
          }
        >
          {t("connections.addRegister")}
        </Button>
        <Button type="primary" onClick={save}>
          {t("connections.save")}
        </Button>
      </Space>
      {error !== null && <ErrorAlert error={error} />}
    </Space>
  );
}

/** My firm's OPC UA / Modbus connections: status, add, OPC UA browser, register maps, trust. */
export default function ConnectionsPage() {
  const { t } = useI18n();
  const list = useApi((signal) => api.connections.list(signal), []);
  const tree = useApi((signal) => api.telemetry.tree(signal), []);
  const [error, setError] = useState<unknown>(null);
  const [draft, setDraft] = useState({
    name: "",
    deviceId: "",
    kind: "opcua",
    endpoint: "opc.tcp://",
    host: "",
    port: 502,
  });
  const [open, setOpen] = useState<string | null>(null);
  if (list.loading && !list.data) return <PageLoading />;
  const devices = (tree.data?.devices ?? []).map((d) => ({ value: d.id, label: d.name }));
  const tagsOf = (deviceId: string) =>
    (tree.data?.tags ?? [])
      .filter((x) => x.deviceId === deviceId)
      .map((x) => ({ value: x.id, label: x.key }));
  const create = async () => {
    const body: ConnectionInputRequest =
      draft.kind === "opcua"
        ? {
            name: draft.name,
            kind: "opcua",
            deviceId: draft.deviceId,
            opcua: { endpointUrl: draft.endpoint },
          }
        : {
            name: draft.name,
            kind: "modbus",
            deviceId: draft.deviceId,
            modbus: { host: draft.host, port: draft.port },
          };
    try {
      await api.connections.create(body);
      setError(null);
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  const trust = async (endpointUrl: string) => {
    try {
      const cert = await api.connections.serverCertificate(endpointUrl);
      if (!cert.trusted) await api.connections.addTrust(cert.pem);
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Typography.Title level={3}>{t("connections.title")}</Typography.Title>
      <Alert type="info" message={t("connections.intro")} />
      {(list.error ?? error) !== null && <ErrorAlert error={list.error ?? error} />}
      <Card title={t("connections.add")}>
        <Space wrap>
          <Input
            placeholder={t("connections.name")}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
          <Select
            value={draft.kind}
            options={[
              { value: "opcua", label: "OPC UA" },
              { value: "modbus", label: "Modbus TCP" },
            ]}
            onChange={(kind) => setDraft({ ...draft, kind })}
          />
          <Select
            style={{ minWidth: 180 }}
            placeholder={t("connections.device")}
            options={devices}
            onChange={(deviceId) => setDraft({ ...draft, deviceId })}
          />
          {draft.kind === "opcua" ? (
            <Input
              style={{ minWidth: 280 }}
              data-testid="opcua-endpoint"
              value={draft.endpoint}
              onChange={(e) => setDraft({ ...draft, endpoint: e.target.value })}
            />
          ) : (
            <>
              <Input
                placeholder={t("connections.host")}
                value={draft.host}
                onChange={(e) => setDraft({ ...draft, host: e.target.value })}
              />
              <InputNumber
                addonBefore={t("connections.port")}
                value={draft.port}
                onChange={(v) => setDraft({ ...draft, port: v ?? 502 })}
              />
            </>
          )}
          <Button type="primary" data-testid="connection-create" onClick={create}>
            {t("connections.save")}
          </Button>
        </Space>
      </Card>
      <Table<Connection>
        rowKey="id"
        dataSource={list.data?.items ?? []}
        pagination={false}
        expandable={{
          expandedRowKeys: open ? [open] : [],
          onExpand: (expanded, row) => setOpen(expanded ? row.id : null),
          expandedRowRender: (row) =>
            row.kind === "opcua" ? (
              <OpcuaBrowser connection={row} tags={tagsOf(row.deviceId)} onSaved={list.reload} />
            ) : (
              <RegisterEditor connection={row} tags={tagsOf(row.deviceId)} onSaved={list.reload} />
            ),
        }}
        columns={[
          { title: t("connections.name"), dataIndex: "name" },
          { title: t("connections.kind"), render: (_, r) => (r.kind === "opcua" ? "OPC UA" : "Modbus TCP") },
          {
            title: t("connections.endpoint"),
            render: (_, r) =>
              r.opcua
                ? `${r.opcua.endpointUrl} · ${r.opcua.securityMode}`
                : `${r.modbus?.host}:${r.modbus?.port}`,
          },
          {
            title: t("connections.status"),
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Tag color={STATE_COLOR[r.status.state]} data-testid={`connection-state-${r.id}`}>
                  {t(`connections.state.${r.status.state}`)}
                </Tag>
                {r.status.error && <Typography.Text type="danger">{r.status.error}</Typography.Text>}
                {r.opcua && r.status.state === "error" && (
                  <Button size="small" onClick={() => r.opcua && trust(r.opcua.endpointUrl)}>
                    {t("connections.trust")}
                  </Button>
                )}
              </Space>
            ),
          },
          { title: t("connections.lastValue"), render: (_, r) => r.status.lastValueAt ?? "—" },
          {
            title: "",
            render: (_, r) => (
              <Button
                danger
                size="small"
                onClick={() => api.connections.remove(r.id).then(list.reload, setError)}
              >
                {t("connections.delete")}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}
