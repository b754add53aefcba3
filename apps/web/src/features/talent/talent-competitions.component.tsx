import type { Competition } from "@clusterbrain/contracts";
import { Button, Card, Form, Input, InputNumber, message, Select, Space, Table } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { canManageOrg } from "../../shared/auth/access.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { talentApi } from "./talent.api.ts";

type Entry = Competition["entries"][number];

/** Skill competitions: organise one, register own people, the organiser records scores; ranked results. */
export function CompetitionsTab({ canWrite }: { canWrite: boolean }) {
  const { t, pick } = useI18n();
  const me = useMe();
  const list = useApi((signal) => talentApi.competitions(signal), []);
  const own = useApi((signal) => talentApi.pool("", signal), []);
  const [error, setError] = useState<unknown>(null);
  const [scores, setScores] = useState<Record<string, number | null>>({});
  const [form] = Form.useForm<{ title: string; skill: string; heldOn: string }>();
  const run = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      message.success(t("talent.saved"));
      list.reload();
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  };
  const ownPeople = (own.data?.items ?? []).filter((p) => p.orgId === me.org.id);
  return (
    <div data-testid="talent-competitions">
      {error ? <ErrorAlert error={error} /> : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      {canWrite ? (
        <Card size="small" title={t("talent.createCompetition")} style={{ marginBottom: 12 }}>
          <Form
            form={form}
            layout="inline"
            onFinish={(v) => run(() => talentApi.createCompetition(v)).then((ok) => ok && form.resetFields())}
          >
            <Form.Item name="title" rules={[{ required: true }]}>
              <Input placeholder={t("talent.competitionTitle")} data-testid="competition-title" />
            </Form.Item>
            <Form.Item name="skill" rules={[{ required: true }]}>
              <Input placeholder={t("talent.skill")} data-testid="competition-skill" />
            </Form.Item>
            <Form.Item name="heldOn" rules={[{ required: true }]}>
              <Input type="date" placeholder={t("talent.heldOn")} data-testid="competition-held-on" />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="competition-create">
              {t("talent.createCompetition")}
            </Button>
          </Form>
        </Card>
      ) : null}
      {(list.data?.items ?? []).map((c) => {
        const canScore = c.mine && canManageOrg(me);
        return (
          <Card
            key={c.id}
            size="small"
            style={{ marginBottom: 12 }}
            data-testid={`competition-${c.title}`}
            title={`${c.title} · ${c.skill} · ${c.heldOn}`}
            extra={`${t("talent.organiser")}: ${pick(c.orgNameZh, c.orgNameEn)}`}
          >
            {canWrite ? (
              <Select
                style={{ minWidth: 220, marginBottom: 8 }}
                placeholder={t("talent.register")}
                options={ownPeople
                  .filter((p) => !c.entries.some((e) => e.personId === p.id))
                  .map((p) => ({ value: p.id, label: p.name }))}
                value={null}
                onChange={(personId: string) => run(() => talentApi.register(c.id, personId))}
                data-testid={`competition-register-${c.title}`}
              />
            ) : null}
            <Table<Entry>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={c.entries}
              locale={{ emptyText: t("talent.empty") }}
              onRow={(e) =>
                ({
                  "data-testid": `entry-${e.personName}`,
                  "data-rank": e.rank ?? "",
                  "data-score": e.score ?? "",
                }) as never
              }
              columns={[
                { title: t("talent.rank"), render: (_: unknown, e) => e.rank ?? "—" },
                { title: t("talent.person"), dataIndex: "personName" },
                { title: t("talent.org"), render: (_: unknown, e) => pick(e.orgNameZh, e.orgNameEn) },
                {
                  title: t("talent.score"),
                  render: (_: unknown, e) =>
                    canScore ? (
                      <Space>
                        <InputNumber
                          size="small"
                          min={0}
                          max={1000}
                          value={scores[e.id] ?? e.score}
                          onChange={(v) => setScores({ ...scores, [e.id]: v })}
                          data-testid={`score-input-${e.personName}`}
                        />
                        <Button
                          size="small"
                          onClick={() => {
                            const v = scores[e.id] ?? e.score;
                            if (v !== null && v !== undefined) void run(() => talentApi.score(c.id, e.id, v));
                          }}
                          data-testid={`score-save-${e.personName}`}
                        >
                          {t("talent.saveScore")}
                        </Button>
                      </Space>
                    ) : (
                      (e.score ?? "—")
                    ),
                },
              ]}
            />
          </Card>
        );
      })}
    </div>
  );
}
