import type { Project } from "@clusterbrain/contracts";
import { Button, Card, Descriptions, Form, Input, List, Space, Table, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import { useParams } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { ApiError } from "../../shared/api/api-error.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { NotFound } from "../../shared/ui/not-found.component.tsx";
import { PageLoading } from "../../shared/ui/page-loading.component.tsx";
import { ProjectDocuments } from "./documents.component.tsx";
import { innovationApi, splitKeywords } from "./innovation.api.ts";

type Milestone = Project["milestones"][number];

/** One joint project: members and shares, IP terms, milestones (add, complete), documents and activity. Members only. */
export default function ProjectPage() {
  const { id = "" } = useParams();
  const { t, tEnum, pick, fmt } = useI18n();
  const me = useMe();
  const project = useApi((signal) => innovationApi.project(id, signal), [id]);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ title: string; dueDate: string; deliverables?: string }>();
  const canWrite = me.role !== "viewer";

  if (project.error instanceof ApiError && project.error.status === 404)
    return (
      <div data-testid="innovation-project-missing">
        <NotFound />
      </div>
    );
  if (project.loading && !project.data) return <PageLoading />;
  const p = project.data;
  if (!p)
    return project.error !== null ? <ErrorAlert error={project.error} onRetry={project.reload} /> : null;
  const nameOf = (orgId: string) => {
    const m = p.members.find((x) => x.orgId === orgId);
    return m ? pick(m.nameZh, m.nameEn) : orgId;
  };

  const act = async (run: () => Promise<unknown>) => {
    setError(null);
    try {
      await run();
      project.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div
      data-testid="innovation-project"
      data-project-id={p.id}
      data-loaded={project.loading ? "false" : "true"}
    >
      <Typography.Title level={3}>{p.title}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color="blue">{tEnum("innovation.projectStatus", p.status)}</Tag>
        <Typography.Text>
          {t("innovation.project.budgetTotal", { amount: fmt.number(p.budgetTotal) })}
        </Typography.Text>
      </Space>
      {p.description && <Typography.Paragraph>{p.description}</Typography.Paragraph>}
      {error !== null && <ErrorAlert error={error} />}
      <Card size="small" title={t("innovation.project.members")} style={{ marginBottom: 12 }}>
        <Table
          rowKey="orgId"
          size="small"
          pagination={false}
          data-testid="innovation-project-members"
          dataSource={p.members}
          columns={[
            { title: t("innovation.col.org"), key: "org", render: (_, m) => pick(m.nameZh, m.nameEn) },
            {
              title: t("innovation.project.role"),
              key: "role",
              render: (_, m) => t(`innovation.role.${m.role}`),
            },
            {
              title: t("innovation.project.share"),
              key: "share",
              render: (_, m) => `${fmt.number(m.budgetShare)}%`,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t("innovation.project.ip")} style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="©">{tEnum("innovation.ip.ownership", p.ip.ownership)}</Descriptions.Item>
          <Descriptions.Item label="⚖">{tEnum("innovation.ip.licensing", p.ip.licensing)}</Descriptions.Item>
          <Descriptions.Item label="✎">
            {tEnum("innovation.ip.publication", p.ip.publication)}
          </Descriptions.Item>
          {p.ip.notes && <Descriptions.Item label="…">{p.ip.notes}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title={t("innovation.project.milestones")} style={{ marginBottom: 12 }}>
        <List<Milestone>
          data-testid="innovation-milestones"
          dataSource={p.milestones}
          locale={{ emptyText: t("innovation.empty") }}
          renderItem={(m) => (
            <List.Item
              data-testid="innovation-milestone"
              data-status={m.status}
              extra={
                m.status === "open" && canWrite ? (
                  <Button
                    size="small"
                    data-testid="innovation-milestone-complete"
                    onClick={() => void act(() => innovationApi.completeMilestone(p.id, m.id))}
                  >
                    {t("innovation.project.complete")}
                  </Button>
                ) : (
                  <Tag color={m.status === "done" ? "green" : "default"}>
                    {tEnum("innovation.milestone", m.status)}
                  </Tag>
                )
              }
            >
              <List.Item.Meta
                title={m.title}
                description={`${t("innovation.project.due")} ${m.dueDate}${m.deliverables.length ? ` · ${t("innovation.project.deliverables")}：${m.deliverables.join("、")}` : ""}`}
              />
            </List.Item>
          )}
        />
        {canWrite && (
          <Form
            form={form}
            layout="inline"
            style={{ marginTop: 12 }}
            onFinish={(v) =>
              void act(async () => {
                await innovationApi.addMilestone(p.id, {
                  title: v.title,
                  dueDate: v.dueDate,
                  deliverables: splitKeywords(v.deliverables),
                });
                form.resetFields();
              })
            }
          >
            <Form.Item
              name="title"
              rules={[{ required: true, whitespace: true, message: t("innovation.required") }]}
            >
              <Input
                placeholder={t("innovation.project.milestones")}
                data-testid="innovation-milestone-title"
              />
            </Form.Item>
            <Form.Item name="dueDate" rules={[{ required: true, message: t("innovation.required") }]}>
              <Input type="date" data-testid="innovation-milestone-due" />
            </Form.Item>
            <Form.Item name="deliverables">
              <Input placeholder={t("innovation.project.deliverables")} />
            </Form.Item>
            <Button htmlType="submit" data-testid="innovation-milestone-add">
              {t("innovation.project.addMilestone")}
            </Button>
          </Form>
        )}
      </Card>
      <ProjectDocuments projectId={p.id} canWrite={canWrite} nameOf={nameOf} onUploaded={project.reload} />
      <Card size="small" title={t("innovation.project.activity")}>
        <Timeline
          items={p.activity.map((a) => ({
            key: a.id,
            children: `${fmt.dateTime(a.at)} · ${nameOf(a.orgId)} · ${tEnum("innovation.activity", a.action)}${a.detail ? `：${a.action === "member.added" ? nameOf(a.detail) : a.detail}` : ""}`,
          }))}
        />
      </Card>
    </div>
  );
}
