import type { Staffing } from "@clusterbrain/contracts";
import { Button, Card, Input, message, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { canManageOrg } from "../../shared/auth/access.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { DataText } from "../../shared/ui/data-text.component.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { talentApi } from "./talent.api.ts";

const COLORS = { pending: "gold", approved: "green", declined: "red" } as const;

/** Project staffing from the pool: ask another firm for a listed person; the person's firm decides. */
export function StaffingTab({ canWrite }: { canWrite: boolean }) {
  const { t, tEnum, pick } = useI18n();
  const me = useMe();
  const list = useApi((signal) => talentApi.staffing(signal), []);
  const pool = useApi((signal) => talentApi.pool("", signal), []);
  const [form, setForm] = useState({ personId: "", projectTitle: "", role: "", startsOn: "", endsOn: "" });
  const [error, setError] = useState<unknown>(null);
  const run = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      message.success(t("talent.saved"));
      list.reload();
    } catch (e) {
      setError(e);
    }
  };
  const others = (pool.data?.items ?? []).filter((p) => p.orgId !== me?.org.id);
  const columns = (incoming: boolean) => [
    { title: t("talent.person"), render: (_: unknown, s: Staffing) => <DataText text={s.personName} /> },
    {
      title: incoming ? t("talent.requester") : t("talent.host"),
      render: (_: unknown, s: Staffing) =>
        incoming ? pick(s.requesterNameZh, s.requesterNameEn) : pick(s.hostNameZh, s.hostNameEn),
    },
    { title: t("talent.project"), render: (_: unknown, s: Staffing) => <DataText text={s.projectTitle} /> },
    { title: t("talent.projectRole"), render: (_: unknown, s: Staffing) => <DataText text={s.role} /> },
    { title: t("talent.startsOn"), dataIndex: "startsOn" },
    { title: t("talent.endsOn"), dataIndex: "endsOn" },
    {
      title: t("talent.status"),
      render: (_: unknown, s: Staffing) => (
        <Tag color={COLORS[s.status]} data-testid={`staffing-status-${s.personName}`} data-status={s.status}>
          {tEnum("talent.status", s.status)}
        </Tag>
      ),
    },
    ...(incoming && canManageOrg(me)
      ? [
          {
            title: t("talent.actions"),
            render: (_: unknown, s: Staffing) =>
              s.status === "pending" ? (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => run(() => talentApi.approveStaffing(s.id))}
                    data-testid={`staffing-approve-${s.personName}`}
                  >
                    {t("talent.approve")}
                  </Button>
                  <Button size="small" danger onClick={() => run(() => talentApi.declineStaffing(s.id))}>
                    {t("talent.decline")}
                  </Button>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <div data-testid="talent-staffing">
      {error ? <ErrorAlert error={error} /> : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      {canWrite ? (
        <Card size="small" title={t("talent.requestStaffing")} style={{ marginBottom: 12 }}>
          <Space wrap>
            <Select
              style={{ width: 220 }}
              placeholder={t("talent.person")}
              value={form.personId || undefined}
              onChange={(v: string) => setForm({ ...form, personId: v })}
              data-testid="staffing-person"
              options={others.map((p) => ({
                value: p.id,
                label: `${p.name} · ${pick(p.orgNameZh, p.orgNameEn)}`,
              }))}
            />
            <Input
              placeholder={t("talent.project")}
              value={form.projectTitle}
              onChange={(e) => setForm({ ...form, projectTitle: e.target.value })}
              data-testid="staffing-project"
              style={{ width: 200 }}
            />
            <Input
              placeholder={t("talent.projectRole")}
              value={form.role}
              onChange={(e) => setForm({ ...form, role: e.target.value })}
              data-testid="staffing-role"
              style={{ width: 160 }}
            />
            <Input
              placeholder={t("talent.startsOn")}
              value={form.startsOn}
              onChange={(e) => setForm({ ...form, startsOn: e.target.value })}
              data-testid="staffing-starts"
              style={{ width: 130 }}
            />
            <Input
              placeholder={t("talent.endsOn")}
              value={form.endsOn}
              onChange={(e) => setForm({ ...form, endsOn: e.target.value })}
              data-testid="staffing-ends"
              style={{ width: 130 }}
            />
            <Button
              type="primary"
              data-testid="staffing-submit"
              onClick={() => run(() => talentApi.requestStaffing(form))}
            >
              {t("talent.submit")}
            </Button>
          </Space>
        </Card>
      ) : null}
      <Card size="small" title={t("talent.incoming")} style={{ marginBottom: 12 }}>
        <Table<Staffing>
          size="small"
          rowKey="id"
          pagination={false}
          loading={list.loading}
          dataSource={list.data?.incoming ?? []}
          locale={{ emptyText: t("talent.empty") }}
          columns={columns(true)}
        />
      </Card>
      <Card size="small" title={t("talent.outgoing")}>
        <Table<Staffing>
          size="small"
          rowKey="id"
          pagination={false}
          loading={list.loading}
          dataSource={list.data?.outgoing ?? []}
          locale={{ emptyText: t("talent.empty") }}
          columns={columns(false)}
        />
      </Card>
    </div>
  );
}
