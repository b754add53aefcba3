import type { StudioList, StudioSummary } from "@clusterbrain/contracts";
import { Button, Card, Descriptions, Input, InputNumber, message, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { DataText } from "../../shared/ui/data-text.component.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { talentApi } from "./talent.api.ts";

/** Skill-master studios (技能大师工作室): the list, and one studio's apprentices and training records. */
export function StudiosTab({ canWrite }: { canWrite: boolean }) {
  const { t, pick, fmt } = useI18n();
  const list = useApi((signal) => talentApi.studios(signal), []);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <div data-testid="talent-studios">
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Card size="small" title={t("talent.studios")} style={{ marginBottom: 12 }}>
        <Table<StudioSummary>
          size="small"
          rowKey="id"
          pagination={false}
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t("talent.empty") }}
          onRow={(s) => ({ onClick: () => setSelected(s.id), style: { cursor: "pointer" } })}
          columns={[
            {
              title: t("talent.studioName"),
              render: (_: unknown, s) => (
                <Button
                  type="link"
                  size="small"
                  data-testid={`studio-open-${s.name}`}
                  onClick={() => setSelected(s.id)}
                >
                  <DataText text={s.name} />
                </Button>
              ),
            },
            { title: t("talent.studioSkill"), render: (_: unknown, s) => <DataText text={s.skill} /> },
            { title: t("talent.master"), render: (_: unknown, s) => <DataText text={s.masterName} /> },
            { title: t("talent.org"), render: (_: unknown, s) => pick(s.orgNameZh, s.orgNameEn) },
            { title: t("talent.apprentices"), dataIndex: "apprentices" },
            { title: t("talent.trainings"), dataIndex: "trainings" },
            { title: t("talent.hours"), render: (_: unknown, s) => fmt.number(s.hours, 1) },
          ]}
        />
      </Card>
      <SkillHours data={list.data} />
      {selected ? <StudioDetail id={selected} canWrite={canWrite} onChanged={list.reload} /> : null}
    </div>
  );
}

function SkillHours({ data }: { data: StudioList | null | undefined }) {
  const { t, fmt } = useI18n();
  if (!data || data.bySkill.length === 0) return null;
  return (
    <Card size="small" title={t("talent.hoursBySkill")} style={{ marginBottom: 12 }}>
      <Space wrap>
        {data.bySkill.map((b) => (
          <Tag key={b.skill}>
            <DataText text={b.skill} /> · {b.studios} ·{" "}
            {b.hours.value === null ? t("talent.suppressed") : `${fmt.number(b.hours.value, 1)} h`}
          </Tag>
        ))}
      </Space>
    </Card>
  );
}

function StudioDetail({ id, canWrite, onChanged }: { id: string; canWrite: boolean; onChanged: () => void }) {
  const { t, pick, fmt } = useI18n();
  const studio = useApi((signal) => talentApi.studio(id, signal), [id]);
  const [form, setForm] = useState({ heldOn: "", topic: "", hours: 2 });
  const [error, setError] = useState<unknown>(null);
  const s = studio.data;
  const add = async () => {
    setError(null);
    try {
      await talentApi.addTraining(id, form);
      message.success(t("talent.saved"));
      setForm({ heldOn: "", topic: "", hours: 2 });
      studio.reload();
      onChanged();
    } catch (e) {
      setError(e);
    }
  };
  if (studio.error) return <ErrorAlert error={studio.error} onRetry={studio.reload} />;
  if (!s) return null;
  return (
    <Card size="small" title={<DataText text={s.name} />} data-testid="studio-detail">
      {error ? <ErrorAlert error={error} /> : null}
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t("talent.master")}>
          <DataText text={s.masterName} />
        </Descriptions.Item>
        <Descriptions.Item label={t("talent.org")}>{pick(s.orgNameZh, s.orgNameEn)}</Descriptions.Item>
        <Descriptions.Item label={t("talent.studioDescription")} span={2}>
          <DataText text={s.description} />
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="personId"
        pagination={false}
        dataSource={s.apprenticeList}
        locale={{ emptyText: t("talent.empty") }}
        title={() => t("talent.apprentices")}
        columns={[
          { title: t("talent.name"), render: (_: unknown, a) => <DataText text={a.name} /> },
          { title: t("talent.org"), render: (_: unknown, a) => pick(a.orgNameZh, a.orgNameEn) },
          { title: t("talent.joinedOn"), dataIndex: "joinedOn" },
        ]}
      />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={s.trainingList}
        locale={{ emptyText: t("talent.empty") }}
        title={() => t("talent.trainings")}
        data-testid="studio-trainings"
        columns={[
          { title: t("talent.trainingDate"), dataIndex: "heldOn" },
          { title: t("talent.topic"), render: (_: unknown, r) => <DataText text={r.topic} /> },
          { title: t("talent.hours"), render: (_: unknown, r) => fmt.number(r.hours, 1) },
        ]}
      />
      {s.mine && canWrite ? (
        <Space wrap style={{ marginTop: 12 }}>
          <Input
            placeholder={t("talent.trainingDate")}
            value={form.heldOn}
            onChange={(e) => setForm({ ...form, heldOn: e.target.value })}
            data-testid="training-date"
            style={{ width: 140 }}
          />
          <Input
            placeholder={t("talent.topic")}
            value={form.topic}
            onChange={(e) => setForm({ ...form, topic: e.target.value })}
            data-testid="training-topic"
            style={{ width: 220 }}
          />
          <InputNumber
            min={0.25}
            max={24}
            step={0.5}
            value={form.hours}
            onChange={(v) => setForm({ ...form, hours: v ?? 1 })}
            data-testid="training-hours"
          />
          <Button type="primary" onClick={add} data-testid="training-add">
            {t("talent.addTraining")}
          </Button>
        </Space>
      ) : null}
    </Card>
  );
}
