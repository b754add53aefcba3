import { STRATEGY_KPIS, type StrategyNote, type StrategyNoteWrite } from "@clusterbrain/contracts";
import { Button, Card, Input, InputNumber, message, Select, Space, Table } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { growthApi } from "../growth/growth.api.ts";

type Goal = StrategyNoteWrite["goals"][number];
const HAN = /\p{Script=Han}/u;

/** The firm's saved strategy note: free text plus goals, each linked to a growth KPI with its current value. */
export function StrategyNoteCard({ canWrite }: { canWrite: boolean }) {
  const { t, tEnum, fmt } = useI18n();
  const note = useApi((signal) => growthApi.note(signal), []);
  const [body, setBody] = useState("");
  const [goals, setGoals] = useState<Goal[]>([]);
  const [current, setCurrent] = useState<StrategyNote["goals"]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!note.data) return;
    setBody(note.data.body);
    setGoals(note.data.goals.map(({ current: _c, ...g }) => g));
    setCurrent(note.data.goals);
  }, [note.data]);
  const patch = (i: number, p: Partial<Goal>) =>
    setGoals(goals.map((g, k) => (k === i ? { ...g, ...p } : g)));
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const saved = await growthApi.saveNote({ body, goals });
      setCurrent(saved.goals);
      message.success(t("strategy.saved"));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title={t("strategy.note")} data-testid="strategy-note" style={{ marginBottom: 16 }}>
      {note.error ? <ErrorAlert error={note.error} onRetry={note.reload} /> : null}
      {error ? <ErrorAlert error={error} /> : null}
      <Input.TextArea
        rows={4}
        value={body}
        placeholder={t("strategy.noteBody")}
        onChange={(e) => setBody(e.target.value)}
        disabled={!canWrite}
        // The note is the firm's own text: marked with its language, as registered names are.
        lang={HAN.test(body) ? "zh-CN" : undefined}
        data-testid="strategy-note-body"
      />
      <Table
        size="small"
        pagination={false}
        style={{ marginTop: 8 }}
        title={() => t("strategy.goals")}
        rowKey={(_, i) => String(i)}
        dataSource={goals}
        columns={[
          {
            title: t("strategy.goalTitle"),
            render: (_: unknown, g: Goal, i: number) => (
              <Input
                value={g.title}
                onChange={(e) => patch(i, { title: e.target.value })}
                disabled={!canWrite}
              />
            ),
          },
          {
            title: t("strategy.goalKpi"),
            render: (_: unknown, g: Goal, i: number) => (
              <Select
                style={{ width: 200 }}
                value={g.kpi}
                disabled={!canWrite}
                onChange={(kpi: Goal["kpi"]) => patch(i, { kpi })}
                options={STRATEGY_KPIS.map((k) => ({ value: k, label: tEnum("strategy.kpi", k) }))}
              />
            ),
          },
          {
            title: t("strategy.goalTarget"),
            render: (_: unknown, g: Goal, i: number) => (
              <InputNumber
                value={g.target}
                onChange={(v) => patch(i, { target: Number(v ?? 0) })}
                disabled={!canWrite}
              />
            ),
          },
          {
            title: t("strategy.goalDue"),
            render: (_: unknown, g: Goal, i: number) => (
              <InputNumber
                value={g.due}
                min={2000}
                max={2100}
                onChange={(v) => patch(i, { due: Number(v ?? 2030) })}
                disabled={!canWrite}
              />
            ),
          },
          {
            title: t("strategy.goalCurrent"),
            render: (_: unknown, g: Goal) => {
              const c = current.find((x) => x.kpi === g.kpi)?.current;
              return c === undefined || c === null ? "—" : fmt.number(c, 3);
            },
          },
          {
            title: "",
            render: (_: unknown, _g: Goal, i: number) =>
              canWrite ? (
                <Button type="link" danger onClick={() => setGoals(goals.filter((_x, k) => k !== i))}>
                  {t("strategy.removeGoal")}
                </Button>
              ) : null,
          },
        ]}
      />
      {canWrite && (
        <Space style={{ marginTop: 8 }}>
          <Button
            onClick={() =>
              setGoals([
                ...goals,
                { title: "", kpi: "dea.ccr", target: 1, due: new Date().getFullYear() + 3 },
              ])
            }
            data-testid="strategy-add-goal"
          >
            {t("strategy.addGoal")}
          </Button>
          <Button type="primary" loading={saving} onClick={save} data-testid="strategy-save">
            {t("strategy.save")}
          </Button>
        </Space>
      )}
    </Card>
  );
}
