import { DownloadOutlined, FileTextOutlined } from "@ant-design/icons";
import { type JobSummary, routeTable } from "@clusterbrain/contracts";
import { Button, Progress, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { callRoute } from "../api/route.client.ts";

const POLL_MS = 1000;
const RUNNING: readonly JobSummary["status"][] = ["queued", "running"];

interface ReportJobButtonProps {
  /** Starts the report job (the screen's own export route). */
  start: () => Promise<JobSummary>;
  /** Where a finished job's files are downloaded. */
  files: (jobId: string) => { pdf: string; xlsx: string };
  label: string;
  testId: string;
}

/**
 * "Generate / export report": starts a report job, shows its progress, and offers the PDF and
 * .xlsx once it has succeeded (or says why not). One component for every screen's report.
 */
export function ReportJobButton({ start, files, label, testId }: ReportJobButtonProps) {
  const { t } = useI18n();
  const [job, setJob] = useState<JobSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!job || !RUNNING.includes(job.status)) return;
    const timer = setTimeout(() => {
      callRoute(routeTable.jobs.get, { params: { id: job.id } })
        .then((next) => setJob(next))
        .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job]);

  const onStart = () => {
    setError(null);
    start()
      .then(setJob)
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  };
  const running = job !== null && RUNNING.includes(job.status);
  const urls = job?.status === "succeeded" ? files(job.id) : null;
  return (
    <Space data-testid={testId} data-status={job?.status ?? "idle"} wrap>
      <Button icon={<FileTextOutlined />} onClick={onStart} loading={running} data-testid={`${testId}-start`}>
        {label}
      </Button>
      {running && (
        <Progress style={{ width: 160 }} percent={Math.round((job?.progress ?? 0) * 100)} size="small" />
      )}
      {urls && (
        <>
          <Button icon={<DownloadOutlined />} href={urls.pdf} download data-testid={`${testId}-pdf`}>
            {t("report.pdf")}
          </Button>
          <Button icon={<DownloadOutlined />} href={urls.xlsx} download data-testid={`${testId}-xlsx`}>
            {t("report.xlsx")}
          </Button>
        </>
      )}
      {job !== null && !running && job.status !== "succeeded" && (
        <Typography.Text type="danger">
          {t("report.failed", { status: job.status, message: job.error?.message ?? "" })}
        </Typography.Text>
      )}
      {error !== null && <Typography.Text type="danger">{error}</Typography.Text>}
    </Space>
  );
}
