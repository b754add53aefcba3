import { DownloadOutlined, FileTextOutlined } from "@ant-design/icons";
import { type JobSummary, routeTable, routeUrl } from "@clusterbrain/contracts";
import { Button, Progress, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { callRoute } from "../../shared/api/route.client.ts";

const POLL_MS = 1000;
const RUNNING: readonly JobSummary["status"][] = ["queued", "running"];

/**
 * "Generate report": starts the year's report job (cluster report for the operator, firm report for
 * a firm), shows its progress, and offers the PDF and .xlsx once it has succeeded.
 */
export function GrowthReportButton({ year }: { year: number | undefined }) {
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

  const start = () => {
    setError(null);
    callRoute(routeTable.growth.startReport, { body: { year } })
      .then(setJob)
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  };
  const running = job !== null && RUNNING.includes(job.status);
  return (
    <Space data-testid="growth-report" data-status={job?.status ?? "idle"} wrap>
      <Button icon={<FileTextOutlined />} onClick={start} loading={running} data-testid="growth-report-start">
        {t("growth.report.generate")}
      </Button>
      {running && (
        <Progress style={{ width: 160 }} percent={Math.round((job?.progress ?? 0) * 100)} size="small" />
      )}
      {job?.status === "succeeded" && (
        <>
          <Button
            icon={<DownloadOutlined />}
            href={routeUrl(routeTable.growth.reportPdf, { id: job.id })}
            download
            data-testid="growth-report-pdf"
          >
            {t("growth.report.pdf")}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href={routeUrl(routeTable.growth.reportXlsx, { id: job.id })}
            download
            data-testid="growth-report-xlsx"
          >
            {t("growth.report.xlsx")}
          </Button>
        </>
      )}
      {job !== null && !running && job.status !== "succeeded" && (
        <Typography.Text type="danger">
          {t("growth.report.failed", { status: job.status, message: job.error?.message ?? "" })}
        </Typography.Text>
      )}
      {error !== null && <Typography.Text type="danger">{error}</Typography.Text>}
    </Space>
  );
}
