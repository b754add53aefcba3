import { UploadOutlined } from "@ant-design/icons";
import type { AssetImportReport } from "@clusterbrain/contracts";
import { Alert, Button, Card, Col, Empty, Popconfirm, Row, Space, Tag, Tree, Typography } from "antd";
import type { DataNode } from "antd/es/tree";
import { type ChangeEvent, useEffect, useMemo, useState } from "react";
import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { api } from "../../shared/api/endpoints.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { canImport, canManageOrg } from "../../shared/auth/access.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { PageLoading } from "../../shared/ui/page-loading.component.tsx";
import { toBase64 } from "../imports/import-file.ts";
import { AssetForm } from "./asset-form.component.tsx";
import {
  type AssetNode,
  type ConnectionState,
  connectionState,
  nestAssets,
  stateCounts,
} from "./asset-tree.ts";
import { CredentialControls } from "./credential.component.tsx";

const STATE_COLOR: Record<ConnectionState, string> = {
  online: "green",
  stale: "gold",
  offline: "red",
  never: "default",
};
/** The tree is read again this often, so connection states and last-seen times stay current. */
const REFRESH_MS = 5000;

/** The asset tree of my org with each device's connection state, credentials, import and add. */
export default function DevicesPage() {
  const { t, tEnum, locale } = useI18n();
  const me = useMe();
  const mayWrite = canImport(me);
  const mayManage = canManageOrg(me);
  const tree = useApi((signal) => api.telemetry.tree(signal), []);
  const [now, setNow] = useState(Date.now());
  const [report, setReport] = useState<AssetImportReport | null>(null);
  const [importError, setImportError] = useState<unknown>(null);
  const { reload } = tree;
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
      reload();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const nodes = useMemo(() => (tree.data ? nestAssets(tree.data) : []), [tree.data]);

  const title = (n: AssetNode) => {
    const remove = mayWrite ? (
      <Popconfirm
        title={t("devices.deleteConfirm", { name: n.name })}
        onConfirm={() => api.telemetry.remove(n.kind, n.id).then(reload)}
      >
        <Button type="link" size="small" danger>
          {t("devices.delete")}
        </Button>
      </Popconfirm>
    ) : null;
    if (n.kind === "device" && n.device) {
      const state = connectionState(n.device, now);
      return (
        <Space wrap size="small" data-testid={`device-${n.id}`} data-state={state}>
          <Typography.Text strong>{n.name}</Typography.Text>
          <Tag color={STATE_COLOR[state]} data-testid="device-state">
            {tEnum("devices.state", state)}
          </Tag>
          <Typography.Text type="secondary" data-testid="device-last-seen">
            {n.device.lastSeenAt
              ? t("devices.lastSeen", { time: new Date(n.device.lastSeenAt).toLocaleString(locale) })
              : t("devices.neverSeen")}
          </Typography.Text>
          <Typography.Text type="secondary">
            {n.device.username
              ? t("devices.credentialUser", { username: n.device.username })
              : t("devices.credentialNone")}
          </Typography.Text>
          {mayManage && <CredentialControls device={n.device} onChanged={reload} />}
          {remove}
        </Space>
      );
    }
    if (n.kind === "tag" && n.tag) {
      return (
        <Space size="small" data-testid={`tag-${n.tag.key}`}>
          <Link to={`/devices/tags/${n.id}`} data-testid="tag-link">
            {n.name}
          </Link>
          <Typography.Text type="secondary">
            {tEnum("devices.dataType", n.tag.dataType)} {n.tag.unit}
            {n.tag.low !== null || n.tag.high !== null ? ` [${n.tag.low ?? "…"}, ${n.tag.high ?? "…"}]` : ""}
          </Typography.Text>
          {remove}
        </Space>
      );
    }
    return (
      <Space size="small">
        <Typography.Text>{n.name}</Typography.Text>
        <Tag>{n.processType ? tEnum("devices.process", n.processType) : tEnum("devices.kind", n.kind)}</Tag>
        {remove}
      </Space>
    );
  };
  const toData = (n: AssetNode): DataNode => ({
    key: n.key,
    title: title(n),
    children: n.children.map(toData),
  });

  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    setImportError(null);
    setReport(null);
    try {
      const contentBase64 = toBase64(new Uint8Array(await file.arrayBuffer()));
      setReport(await api.telemetry.importAssets({ contentBase64, fileName: file.name, dryRun: false }));
      reload();
    } catch (err) {
      setImportError(err);
    }
  };

  if (tree.loading && !tree.data) return <PageLoading />;
  const counts = stateCounts(tree.data?.devices ?? [], now);
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }} data-testid="devices-page">
      <Typography.Title level={3}>{t("devices.title")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("devices.intro")}</Typography.Paragraph>
      {tree.error ? <ErrorAlert error={tree.error} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={mayWrite ? 16 : 24}>
          <Card title={t("devices.summary", counts)} data-testid="asset-tree">
            {nodes.length === 0 ? (
              <Empty description={t("devices.empty")} />
            ) : (
              <Tree
                treeData={nodes.map(toData)}
                defaultExpandAll
                selectable={false}
                blockNode
                key={nodes.map((n) => n.key).join()}
              />
            )}
          </Card>
        </Col>
        {mayWrite && tree.data && (
          <Col xs={24} lg={8}>
            <Space direction="vertical" style={{ width: "100%" }}>
              <AssetForm tree={tree.data} onSaved={reload} />
              <Card size="small" title={t("devices.import")}>
                <Typography.Paragraph type="secondary">{t("devices.importHelp")}</Typography.Paragraph>
                <Button
                  icon={<UploadOutlined />}
                  onClick={() => document.getElementById("asset-import-input")?.click()}
                >
                  {t("devices.import")}
                </Button>
                <input
                  id="asset-import-input"
                  data-testid="asset-import-file"
                  type="file"
                  accept=".xlsx"
                  style={{ display: "none" }}
                  onChange={importFile}
                />
                {importError ? <ErrorAlert error={importError} /> : null}
                {report?.committed && (
                  <Alert type="success" showIcon message={t("devices.importDone", report.created)} />
                )}
                {report && !report.committed && (
                  <Alert
                    type="error"
                    showIcon
                    message={t("devices.importIssues", { count: report.issues.length })}
                    description={
                      <ul data-testid="asset-import-issues">
                        {report.issues.map((i) => (
                          <li key={`${i.row}:${i.column}:${i.code}`}>
                            {t("devices.importIssue", { row: i.row, column: i.column, message: i.message })}
                          </li>
                        ))}
                      </ul>
                    }
                  />
                )}
              </Card>
            </Space>
          </Col>
        )}
      </Row>
    </Space>
  );
}
