import { PlayCircleOutlined, StopOutlined } from "@ant-design/icons";
import { routeTable, type ScenarioSummary } from "@clusterbrain/contracts";
import { Button, Card, Input, InputNumber, Progress, Select, Space, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { callRoute } from "../../shared/api/route.client.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { useLive } from "../jobs/use-live.hook.ts";
import { PromiseCard } from "./promise.card.tsx";
import { ScenarioView } from "./scenario-view.tsx";
import { schedulingApi } from "./scheduling.api.ts";

type Objective = ScenarioSummary["objective"];
interface Running {
  scenarioId: string;
  jobId: string;
  progress: number;
  note: string | null;
}
const hours = (min: number | undefined) => (min === undefined ? "–" : (min / 60).toFixed(1));

/** Scheduling of my org's production orders: run scenarios as jobs, compare them, publish one, edit the Gantt. */
export default function SchedulingPage() {
  const { t, tEnum } = useI18n();
  const me = useMe();
  const canWrite = me.role !== "viewer";
  const [version, setVersion] = useState(0);
  const list = useApi((signal) => schedulingApi.list(signal), [version]);
  const [name, setName] = useState("");
  const [objective, setObjective] = useState<Objective>("weightedTardiness");
  const [seconds, setSeconds] = useState(3);
  const [running, setRunning] = useState<Running | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const scenarios = list.data?.items ?? [];
  const busy = scenarios.some((s) => s.status === "running") || running !== null;

  useLive("job", (e) => {
    if (running && e.job.id === running.jobId)
      setRunning({ ...running, progress: e.job.progress, note: e.job.note });
  });
  // While a scenario solves, its row is re-read until the job has settled it.
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => setVersion((v) => v + 1), 700);
    return () => clearInterval(timer);
  }, [busy]);
  const settled =
    running !== null && scenarios.some((s) => s.id === running.scenarioId && s.status !== "running");
  useEffect(() => {
    if (settled) setRunning(null);
  }, [settled]);

  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      setVersion((v) => v + 1);
    } catch (err) {
      setError(err);
    }
  };
  const run = () =>
    act(async () => {
      const s = await schedulingApi.create(
        name || t("scheduling.defaultName", { n: scenarios.length + 1 }),
        objective,
        seconds,
      );
      setRunning({ scenarioId: s.id, jobId: s.jobId ?? "", progress: 0, note: null });
      setOpenId(s.id);
    });

  return (
    <div data-testid="scheduling-page">
      <Typography.Title level={3}>{t("scheduling.title")}</Typography.Title>
      {canWrite && (
        <Space wrap style={{ marginBottom: 16 }}>
          <Input
            data-testid="scenario-name"
            placeholder={t("scheduling.name")}
            value={name}
            onChange={(e) => setName(e.target.value)}
            style={{ width: 200 }}
          />
          {t("scheduling.objective")}
          <Select
            data-testid="scenario-objective"
            value={objective}
            onChange={setObjective}
            style={{ width: 180 }}
            options={(["weightedTardiness", "totalTardiness", "makespan"] as const).map((value) => ({
              value,
              label: tEnum("scheduling.objective", value),
            }))}
          />
          {t("scheduling.timeLimit")}
          <InputNumber min={1} max={600} value={seconds} onChange={(v) => setSeconds(v ?? 3)} />
          <Button
            type="primary"
            icon={<PlayCircleOutlined />}
            onClick={run}
            disabled={busy}
            data-testid="schedule-run"
          >
            {t("scheduling.run")}
          </Button>
        </Space>
      )}
      {running && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Space style={{ width: "100%" }}>
            {t("scheduling.progress")}
            <Progress
              data-testid="schedule-progress"
              data-progress={running.progress}
              percent={Math.round(running.progress * 100)}
              style={{ width: 320 }}
            />
            <Typography.Text type="secondary">{running.note}</Typography.Text>
            <Button
              icon={<StopOutlined />}
              onClick={() => act(() => callRoute(routeTable.jobs.cancel, { params: { id: running.jobId } }))}
            >
              {t("scheduling.cancel")}
            </Button>
          </Space>
        </Card>
      )}
      {error !== null && <ErrorAlert error={error} />}
      {list.error !== null && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <Card size="small" title={t("scheduling.scenarios")} style={{ marginBottom: 16 }}>
        <Table<ScenarioSummary>
          data-testid="scenario-table"
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={scenarios}
          locale={{ emptyText: t("scheduling.empty") }}
          onRow={(s) =>
            ({ "data-scenario": s.name, "data-status": s.status }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t("scheduling.name"),
              key: "name",
              render: (_, s) => (
                <Space>
                  {s.name}
                  {s.published && <Tag color="green">{t("scheduling.published")}</Tag>}
                  {s.parentId && <Tag color="orange">{t("scheduling.repair")}</Tag>}
                </Space>
              ),
            },
            {
              title: t("scheduling.objective"),
              key: "obj",
              render: (_, s) => tEnum("scheduling.objective", s.objective),
            },
            {
              title: "",
              key: "status",
              render: (_, s) => (
                <Tag data-testid="scenario-status">{tEnum("scheduling.status", s.status)}</Tag>
              ),
            },
            { title: t("scheduling.makespan"), key: "mk", render: (_, s) => hours(s.kpis?.makespan) },
            {
              title: t("scheduling.totalTardiness"),
              key: "tt",
              render: (_, s) => hours(s.kpis?.totalTardiness),
            },
            {
              title: t("scheduling.weightedTardiness"),
              key: "wt",
              render: (_, s) => hours(s.kpis?.weightedTardiness),
            },
            {
              title: t("scheduling.onTime"),
              key: "ot",
              render: (_, s) => (s.kpis ? `${s.kpis.onTimePct}%` : "–"),
            },
            {
              title: t("scheduling.utilisation"),
              key: "ut",
              render: (_, s) => (s.kpis ? `${s.kpis.utilisationPct}%` : "–"),
            },
            { title: t("scheduling.setups"), key: "su", render: (_, s) => s.kpis?.setups ?? "–" },
            {
              title: "",
              key: "actions",
              render: (_, s) => (
                <Space>
                  <Button
                    size="small"
                    onClick={() => setOpenId(s.id)}
                    disabled={s.status !== "ready"}
                    data-testid="scenario-view"
                  >
                    {t("scheduling.view")}
                  </Button>
                  {canWrite && (
                    <Button
                      size="small"
                      type={s.published ? "default" : "primary"}
                      disabled={s.status !== "ready" || s.published}
                      onClick={() => act(() => schedulingApi.publish(s.id))}
                      data-testid="scenario-publish"
                    >
                      {t("scheduling.publish")}
                    </Button>
                  )}
                  {canWrite && !s.published && (
                    <Button size="small" danger onClick={() => act(() => schedulingApi.remove(s.id))}>
                      {t("scheduling.delete")}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {openId && scenarios.find((s) => s.id === openId)?.status === "ready" && (
        <ScenarioView
          id={openId}
          canWrite={canWrite}
          onChanged={() => setVersion((v) => v + 1)}
          onOpen={(id) => {
            setOpenId(id);
            setVersion((v) => v + 1);
          }}
        />
      )}
      <PromiseCard />
    </div>
  );
}
