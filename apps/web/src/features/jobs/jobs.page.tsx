import type { JobDetail, JobStatus, JobSummary } from "@clusterbrain/contracts";
import {
  Button,
  Card,
  Col,
  Form,
  InputNumber,
  Progress,
  Radio,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import type { ColumnsType } from "antd/es/table";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { api } from "../../shared/api/endpoints.ts";
import { canImport } from "../../shared/auth/access.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { DEFAULT_FORM, isActive, mergeJob, type PlanningForm, runSeconds, toStartBody } from "./job-form.ts";
import { useLive } from "./use-live.hook.ts";

const STATUS_COLOR: Record<JobStatus, string> = {
  queued: "default",
  running: "processing",
  succeeded: "success",
  failed: "error",
  cancelled: "warning",
  interrupted: "magenta",
};

function ResultSummary({ job }: { job: JobDetail }) {
  const { t } = useI18n();
  const r = job.result as Record<string, unknown> | null;
  if (!r) return null;
  const text =
    job.kind === "schedule"
      ? t("jobs.resultSchedule", {
          makespan: String(r.makespan),
          bound: String(r.lowerBound),
          iterations: String(r.iterations),
        })
      : job.kind === "mrp"
        ? t("jobs.resultMrp", {
            items: String(r.items),
            orders: String(r.orderCount),
            exceptions: String(r.exceptionCount),
          })
        : t("jobs.resultOther");
  return <Typography.Paragraph data-testid="job-result">{text}</Typography.Paragraph>;
}

export default function JobsPage() {
  const { t, tEnum, locale, fmt } = useI18n();
  // A job's error is the server's English text: shown in the English UI only.
  const jobError = (e: { message: string } | null | undefined) =>
    e ? (fmt.server({ message: e.message }) ?? t("jobStatus.failed")) : undefined;
  const me = useMe();
  const mayRun = canImport(me);
  const [form, setForm] = useState<PlanningForm>(DEFAULT_FORM);
  const [jobs, setJobs] = useState<JobSummary[]>([]);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [detail, setDetail] = useState<JobDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(Date.now());

  const live = useLive("job", (e) => setJobs((list) => mergeJob(list, e.job)));

  useEffect(() => {
    const abort = new AbortController();
    api.jobs
      .list({ page: 1, pageSize: 20 }, abort.signal)
      .then((page) => setJobs((list) => page.items.reduceRight((acc, j) => mergeJob(acc, j), list)))
      .catch((err: unknown) => {
        if (!abort.signal.aborted) setError(err);
      });
    return () => abort.abort();
  }, []);

  const current = jobs.find((j) => j.id === currentId) ?? null;
  const currentActive = current !== null && isActive(current);
  const currentStatus = current?.status;

  // Tick the clock while something runs, and fetch the result once the current job has finished.
  useEffect(() => {
    if (!currentActive) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [currentActive]);
  useEffect(() => {
    if (!currentId || !currentStatus || isActive({ status: currentStatus })) return;
    const abort = new AbortController();
    api.jobs.get(currentId, abort.signal).then(setDetail, () => undefined);
    return () => abort.abort();
  }, [currentId, currentStatus]);

  const start = async () => {
    setBusy(true);
    setError(null);
    setDetail(null);
    try {
      const job = await api.jobs.start(toStartBody(form));
      setJobs((list) => mergeJob(list, job));
      setCurrentId(job.id);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const cancel = async (id: string) => {
    setError(null);
    try {
      const job = await api.jobs.cancel(id);
      setJobs((list) => mergeJob(list, job));
    } catch (err) {
      setError(err);
    }
  };

  const set = (patch: Partial<PlanningForm>) => setForm((f) => ({ ...f, ...patch }));
  const num = (key: keyof PlanningForm, min: number, max: number, step = 1) => (
    <InputNumber
      min={min}
      max={max}
      step={step}
      value={form[key] as number}
      data-testid={`job-${key}`}
      onChange={(v) => v !== null && set({ [key]: v })}
    />
  );

  const columns: ColumnsType<JobSummary> = [
    { title: t("jobs.kind"), key: "kind", render: (_, j) => tEnum("jobKind", j.kind) },
    {
      title: t("jobs.status"),
      key: "status",
      render: (_, j) => (
        <Tag color={STATUS_COLOR[j.status]} data-testid={`job-status-${j.id}`}>
          {tEnum("jobStatus", j.status)}
        </Tag>
      ),
    },
    {
      title: t("jobs.progress"),
      key: "progress",
      width: 160,
      render: (_, j) => <Progress size="small" percent={Math.round(j.progress * 100)} showInfo={false} />,
    },
    {
      title: t("jobs.started"),
      key: "created",
      responsive: ["md"],
      render: (_, j) => new Date(j.createdAt).toLocaleString(locale === "en" ? "en-GB" : "zh-CN"),
    },
    {
      title: t("jobs.duration"),
      key: "duration",
      render: (_, j) => {
        const s = runSeconds(j, now);
        return s === null ? "—" : `${s.toFixed(1)} s`;
      },
    },
    {
      title: t("jobs.note"),
      key: "note",
      responsive: ["lg"],
      render: (_, j) => jobError(j.error) ?? j.note ?? "",
    },
  ];

  return (
    <div data-testid="jobs-page">
      <Space align="baseline" style={{ justifyContent: "space-between", width: "100%" }}>
        <Typography.Title level={3}>{t("jobs.title")}</Typography.Title>
        <Tag color={live === "open" ? "green" : "default"} data-testid="live-state" data-state={live}>
          {t(live === "open" ? "jobs.liveOn" : "jobs.liveOff")}
        </Tag>
      </Space>
      <Typography.Paragraph type="secondary">{t("jobs.intro")}</Typography.Paragraph>
      {error !== null && <ErrorAlert error={error} />}
      <Row gutter={[16, 16]}>
        {mayRun && (
          <Col xs={24} lg={12}>
            <Card size="small" title={t("jobs.new")}>
              <Form layout="vertical">
                <Form.Item label={t("jobs.kind")}>
                  <Radio.Group
                    value={form.kind}
                    data-testid="job-kind"
                    onChange={(e) => set({ kind: e.target.value })}
                    optionType="button"
                    options={[
                      { value: "schedule", label: t("jobs.kindSchedule") },
                      { value: "mrp", label: t("jobs.kindMrp") },
                    ]}
                  />
                </Form.Item>
                {form.kind === "schedule" ? (
                  <Space wrap>
                    <Form.Item label={t("jobs.jobs")}>{num("jobs", 2, 200)}</Form.Item>
                    <Form.Item label={t("jobs.machines")}>{num("machines", 2, 50)}</Form.Item>
                    <Form.Item label={t("jobs.seconds")}>{num("seconds", 1, 600)}</Form.Item>
                  </Space>
                ) : (
                  <Space wrap>
                    <Form.Item label={t("jobs.items")}>{num("items", 2, 50_000, 100)}</Form.Item>
                    <Form.Item label={t("jobs.levels")}>{num("levels", 1, 20)}</Form.Item>
                    <Form.Item label={t("jobs.periods")}>{num("periods", 1, 520)}</Form.Item>
                  </Space>
                )}
                <Form.Item label={t("jobs.seed")}>{num("seed", 0, 1_000_000)}</Form.Item>
                <Button type="primary" loading={busy} onClick={start} data-testid="job-start">
                  {t("jobs.start")}
                </Button>
              </Form>
            </Card>
          </Col>
        )}
        <Col xs={24} lg={mayRun ? 12 : 24}>
          <Card size="small" title={t("jobs.current")}>
            {current === null ? (
              <Typography.Text type="secondary">{t("jobs.noneSelected")}</Typography.Text>
            ) : (
              <div
                data-testid="job-current"
                data-job-id={current.id}
                data-status={current.status}
                data-progress={current.progress}
              >
                <Space wrap>
                  <Tag color={STATUS_COLOR[current.status]} data-testid="job-current-status">
                    {tEnum("jobStatus", current.status)}
                  </Tag>
                  <span>{tEnum("jobKind", current.kind)}</span>
                </Space>
                <Progress
                  data-testid="job-progress"
                  percent={Math.round(current.progress * 100)}
                  status={current.status === "failed" ? "exception" : currentActive ? "active" : undefined}
                />
                <Typography.Text type="secondary" data-testid="job-note">
                  {jobError(current.error) ?? current.note ?? ""}
                </Typography.Text>
                {detail?.id === current.id && <ResultSummary job={detail} />}
                {currentActive && mayRun && (
                  <div style={{ marginTop: 12 }}>
                    <Button
                      danger
                      onClick={() => cancel(current.id)}
                      data-testid="job-cancel"
                      disabled={current.cancelRequested}
                    >
                      {t(current.cancelRequested ? "jobs.cancelling" : "jobs.cancel")}
                    </Button>
                  </div>
                )}
              </div>
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t("jobs.history")} style={{ marginTop: 16 }}>
        <Table<JobSummary>
          rowKey="id"
          size="small"
          data-testid="jobs-table"
          columns={columns}
          dataSource={jobs}
          pagination={false}
          locale={{ emptyText: t("jobs.empty") }}
          onRow={(j) => ({ onClick: () => setCurrentId(j.id), style: { cursor: "pointer" } })}
        />
      </Card>
    </div>
  );
}
