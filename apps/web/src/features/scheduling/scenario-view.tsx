import { LockOutlined, UndoOutlined, UnlockOutlined } from "@ant-design/icons";
import type { ScenarioDetail, ScenarioLoad } from "@clusterbrain/contracts";
import { Alert, Button, Card, Input, Radio, Select, Space, Table, Typography } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { ApiError } from "../../shared/api/api-error.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { GanttChart } from "./gantt.component.tsx";
import { clockLabel, type GanttView, type GanttZoom, zoomWindow } from "./gantt-option.ts";
import { schedulingApi } from "./scheduling.api.ts";

const h = (min: number) => (min / 60).toFixed(1);

/**
 * Snaps a drop whose bar (with an hour before it for a setup) meets the machine's downtime to the
 * next working window it fits in; the server still checks everything.
 */
function snap(s: ScenarioDetail, machine: number, job: number, op: number, start: number): number {
  const duration = s.jobs[job]?.operations[op]?.alternatives.find((a) => a.machine === machine)?.duration;
  if (duration === undefined) return start;
  let t = start;
  for (let guard = 0; guard < 1000; guard++) {
    const hit = s.downtime[machine]?.find((iv) => iv.start < t + duration && iv.end > t - 60);
    if (!hit) return t;
    t = hit.end + 60;
  }
  return t;
}

interface Props {
  id: string;
  canWrite: boolean;
  onChanged: () => void;
  onOpen: (id: string) => void;
}

/** One scenario: the Gantt with moves, locks and undo, the weekly load per machine, and machine-down repair. */
export function ScenarioView({ id, canWrite, onChanged, onOpen }: Props) {
  const { t, tEnum } = useI18n();
  const loaded = useApi((signal) => schedulingApi.get(id, signal), [id]);
  const load = useApi((signal) => schedulingApi.load(id, signal), [id, loaded.data]);
  const [s, setS] = useState<ScenarioDetail | null>(null);
  const [view, setView] = useState<GanttView>("machine");
  const [zoom, setZoom] = useState<GanttZoom>("week");
  const [from, setFrom] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const [refused, setRefused] = useState<{ reason: string; message: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [downMachine, setDownMachine] = useState<string | undefined>(undefined);
  const [downFrom, setDownFrom] = useState("");
  const [downTo, setDownTo] = useState("");
  const [repair, setRepair] = useState<{ text: string; id: string } | null>(null);
  useEffect(() => {
    if (loaded.data) setS(loaded.data);
  }, [loaded.data]);
  if (loaded.error !== null) return <ErrorAlert error={loaded.error} />;
  if (!s) return null;
  const sel = selected ? s.operations.find((o) => `${o.job}:${o.op}` === selected) : undefined;

  // A refusal is shown in the screen's language: the reason from its code, the move from what was tried
  // (the server's sentence is English only).
  const apply = async (fn: () => Promise<ScenarioDetail>, tried?: string) => {
    setError(null);
    setRefused(null);
    try {
      setS(await fn());
      load.reload();
      onChanged();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        const reason = (err.details as { reason?: string } | undefined)?.reason ?? "";
        setRefused({ reason, message: tried ?? "" });
      } else setError(err);
    }
  };
  const drop = (job: number, op: number, machine: number, start: number) => {
    const at = snap(s, machine, job, op, start);
    const tried = t("scheduling.refusedMove", {
      order: s.jobs[job]?.orderNo ?? "",
      seq: s.jobs[job]?.operations[op]?.seq ?? op,
      machine: s.machines[machine]?.code ?? "",
      start: clockLabel(s.origin, at),
    });
    return apply(() => schedulingApi.move(id, job, op, machine, at), tried);
  };
  const disturb = async () => {
    setError(null);
    try {
      const r = await schedulingApi.disturb(id, downMachine ?? "", downFrom, downTo);
      setRepair({
        id: r.scenario.id,
        text: t("scheduling.repairResult", {
          affected: r.affected,
          moved: r.moved.length,
          before: h(r.tardinessBefore),
          after: h(r.tardinessAfter),
        }),
      });
      onChanged();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Card
      size="small"
      title={s.name}
      data-testid="scenario-detail"
      data-scenario-id={s.id}
      style={{ marginBottom: 16 }}
    >
      <Space wrap style={{ marginBottom: 8 }}>
        <Radio.Group value={view} onChange={(e) => setView(e.target.value)} data-testid="gantt-view">
          <Radio.Button value="machine">{t("scheduling.machineView")}</Radio.Button>
          <Radio.Button value="order">{t("scheduling.orderView")}</Radio.Button>
        </Radio.Group>
        {t("scheduling.zoom")}
        <Radio.Group value={zoom} onChange={(e) => setZoom(e.target.value)} data-testid="gantt-zoom">
          {(["shift", "day", "week", "month"] as const).map((z) => (
            <Radio.Button key={z} value={z}>
              {tEnum("scheduling.zoom", z)}
            </Radio.Button>
          ))}
        </Radio.Group>
        {canWrite && (
          <Button
            icon={<UndoOutlined />}
            disabled={!s.canUndo}
            onClick={() => apply(() => schedulingApi.undo(id))}
            data-testid="gantt-undo"
          >
            {t("scheduling.undo")}
          </Button>
        )}
        {canWrite && sel && (
          <Button
            icon={sel.locked ? <UnlockOutlined /> : <LockOutlined />}
            onClick={() => apply(() => schedulingApi.lock(id, sel.job, sel.op, !sel.locked))}
            data-testid="gantt-lock"
          >
            {t(sel.locked ? "scheduling.unlock" : "scheduling.lock")}
          </Button>
        )}
        <Typography.Text type="secondary">{t("scheduling.dragHint")}</Typography.Text>
      </Space>
      {sel && (
        <Typography.Paragraph data-testid="gantt-selected">
          {t("scheduling.selected", {
            order: s.jobs[sel.job].orderNo,
            seq: s.jobs[sel.job].operations[sel.op]?.seq ?? sel.op,
            machine: s.machines[sel.machine].code,
            start: clockLabel(s.origin, sel.start),
            end: clockLabel(s.origin, sel.end),
          })}
        </Typography.Paragraph>
      )}
      {refused && (
        <Alert
          type="warning"
          showIcon
          data-testid="gantt-refused"
          data-reason={refused.reason}
          message={`${t("scheduling.refused")}${refused.reason ? `: ${tEnum("scheduling.reason", refused.reason)}` : ""}`}
          description={refused.message || undefined}
          style={{ marginBottom: 8 }}
        />
      )}
      {error !== null && <ErrorAlert error={error} />}
      <GanttChart
        scenario={s}
        view={view}
        window={zoomWindow(zoom, from)}
        selected={selected}
        onSelect={(key) => {
          setSelected(key);
          const o = s.operations.find((x) => `${x.job}:${x.op}` === key);
          if (o && zoom === "shift") setFrom(o.start - 60);
        }}
        onDrop={canWrite ? drop : () => undefined}
      />
      {s.skipped.length > 0 && (
        <Alert
          type="info"
          message={t("scheduling.skipped")}
          description={s.skipped.map((k) => `${k.orderNo}: ${k.reason}`).join("; ")}
        />
      )}
      {load.data && <LoadTable load={load.data} />}
      {canWrite && (
        <Card size="small" title={t("scheduling.disturbance")} style={{ marginTop: 16 }}>
          <Space wrap>
            <Select
              data-testid="down-machine"
              placeholder={t("scheduling.machine")}
              value={downMachine}
              onChange={setDownMachine}
              style={{ width: 160 }}
              options={s.machines.map((m) => ({ value: m.code, label: `${m.code} ${m.name}` }))}
            />
            {t("scheduling.from")}
            <Input
              data-testid="down-from"
              placeholder="2026-12-08T08:00"
              value={downFrom}
              onChange={(e) => setDownFrom(e.target.value)}
              style={{ width: 170 }}
            />
            {t("scheduling.to")}
            <Input
              data-testid="down-to"
              placeholder="2026-12-08T16:00"
              value={downTo}
              onChange={(e) => setDownTo(e.target.value)}
              style={{ width: 170 }}
            />
            <Button onClick={disturb} data-testid="down-repair">
              {t("scheduling.repair")}
            </Button>
          </Space>
          {repair && (
            <Typography.Paragraph data-testid="repair-result" style={{ marginTop: 8 }}>
              {repair.text}{" "}
              <Button size="small" type="link" onClick={() => onOpen(repair.id)}>
                {t("scheduling.view")}
              </Button>
            </Typography.Paragraph>
          )}
        </Card>
      )}
    </Card>
  );
}

function LoadTable({ load }: { load: ScenarioLoad }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t("scheduling.load")} style={{ marginTop: 16 }}>
      <Table
        data-testid="load-table"
        size="small"
        rowKey="code"
        pagination={false}
        scroll={{ x: true }}
        dataSource={load.machines}
        columns={[
          { title: t("scheduling.machine"), dataIndex: "code", key: "code", fixed: "left" },
          ...load.weeks.map((week, w) => ({
            title: week.slice(5),
            key: week,
            render: (_: unknown, m: ScenarioLoad["machines"][number]) => {
              const c = m.cells[w];
              return (
                <div
                  data-overloaded={c.overloaded ? "true" : "false"}
                  title={c.overloaded ? t("scheduling.overloaded", { required: h(c.required) }) : undefined}
                  style={{
                    background: c.overloaded ? "#fff1f0" : undefined,
                    color: c.overloaded ? "#cf1322" : undefined,
                    padding: "0 4px",
                  }}
                >
                  {t("scheduling.loadCell", { scheduled: h(c.scheduled), capacity: h(c.capacity) })}
                </div>
              );
            },
          })),
        ]}
      />
    </Card>
  );
}
