import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import type { ProjectDocument } from "@clusterbrain/contracts";
import { Button, Card, List, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { toBase64 } from "../imports/import-file.ts";
import { innovationApi } from "./innovation.api.ts";

const MIB = 1024 * 1024;

/**
 * A joint project's documents: each name with its versions (newest first), a download link per
 * version, and an upload (same name again = next version) checked against the size limit first.
 */
export function ProjectDocuments(props: {
  projectId: string;
  canWrite: boolean;
  nameOf: (orgId: string) => string;
  onUploaded: () => void;
}) {
  const { t, fmt } = useI18n();
  const docs = useApi((signal) => innovationApi.documents(props.projectId, signal), [props.projectId]);
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const maxBytes = docs.data?.maxBytes ?? 10 * MIB;

  const upload = async (file: File) => {
    setError(null);
    setProblem(null);
    if (file.size > maxBytes) {
      setProblem(t("innovation.documents.tooLarge", { max: fmt.number(maxBytes / MIB) }));
      return;
    }
    setBusy(true);
    try {
      const contentBase64 = toBase64(new Uint8Array(await file.arrayBuffer()));
      await innovationApi.uploadDocument(props.projectId, {
        name: file.name,
        contentType: file.type || "application/octet-stream",
        contentBase64,
      });
      docs.reload();
      props.onUploaded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={t("innovation.documents.title")}
      style={{ marginBottom: 12 }}
      data-testid="innovation-documents"
      data-loaded={docs.loading ? "false" : "true"}
      extra={
        props.canWrite && (
          <Space>
            <Typography.Text type="secondary">
              {t("innovation.documents.limit", { max: fmt.number(maxBytes / MIB) })}
            </Typography.Text>
            <Button
              size="small"
              icon={<UploadOutlined />}
              loading={busy}
              onClick={() => document.getElementById("innovation-document-input")?.click()}
            >
              {t("innovation.documents.upload")}
            </Button>
            <input
              id="innovation-document-input"
              data-testid="innovation-document-input"
              type="file"
              hidden
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = "";
                if (file) void upload(file);
              }}
            />
          </Space>
        )
      }
    >
      {problem !== null && (
        <Typography.Text type="danger" data-testid="innovation-document-problem">
          {problem}
        </Typography.Text>
      )}
      {error !== null && <ErrorAlert error={error} />}
      {docs.error !== null && <ErrorAlert error={docs.error} onRetry={docs.reload} />}
      <List<ProjectDocument>
        dataSource={docs.data?.items ?? []}
        locale={{ emptyText: t("innovation.documents.empty") }}
        renderItem={(d) => (
          <List.Item data-testid="innovation-document" data-name={d.name} data-versions={d.versions.length}>
            <List.Item.Meta
              title={d.name}
              description={
                <Space direction="vertical" size={2}>
                  {d.versions.map((v) => (
                    <Space key={v.id} wrap>
                      <Tag color={v.id === d.latest.id ? "blue" : "default"}>v{v.version}</Tag>
                      <Typography.Text type="secondary">
                        {fmt.dateTime(v.uploadedAt)} · {props.nameOf(v.uploadedByOrgId)} ·{" "}
                        {t("innovation.documents.size", { kb: fmt.number(Math.ceil(v.sizeBytes / 1024)) })}
                      </Typography.Text>
                      <a href={innovationApi.documentUrl(props.projectId, v.id)} download={d.name}>
                        <DownloadOutlined /> {t("innovation.documents.download")}
                      </a>
                    </Space>
                  ))}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
