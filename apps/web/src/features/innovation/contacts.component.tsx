import { type Contact, PROJECT_ROLES, type ProjectRole } from "@clusterbrain/contracts";
import { Button, Card, Form, Input, InputNumber, Modal, Select, Table } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { innovationApi } from "./innovation.api.ts";

interface ProjectValues {
  title: string;
  budgetTotal: number;
  leadBudgetShare: number;
  partnerShare: number;
  partnerRole: ProjectRole;
}

/** Contacts made and received; either side may open a joint project from one, with the other as a member. */
export function Contacts({ canWrite, onChanged }: { canWrite: boolean; onChanged: () => void }) {
  const { t, pick, fmt } = useI18n();
  const navigate = useNavigate();
  const contacts = useApi((signal) => innovationApi.contacts(signal), []);
  const [from, setFrom] = useState<{ contact: Contact; partnerOrgId: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<ProjectValues>();

  const open = async (v: ProjectValues) => {
    if (!from) return;
    setBusy(true);
    setError(null);
    try {
      const p = await innovationApi.createProject({
        title: v.title,
        description: "",
        contactId: from.contact.id,
        budgetTotal: v.budgetTotal,
        leadBudgetShare: v.leadBudgetShare,
        members: [{ orgId: from.partnerOrgId, role: v.partnerRole, budgetShare: v.partnerShare }],
        ip: { ownership: "joint", licensing: "non-exclusive", publication: "review", notes: "" },
      });
      setFrom(null);
      onChanged();
      navigate(`/innovation/projects/${p.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const columns = (side: "received" | "sent"): ColumnsType<Contact> => [
    {
      title: side === "received" ? t("innovation.contacts.from") : t("innovation.contacts.to"),
      key: "party",
      render: (_, c) =>
        side === "received" ? pick(c.fromOrgNameZh, c.fromOrgNameEn) : pick(c.toOrgNameZh, c.toOrgNameEn),
    },
    { title: t("innovation.contacts.about"), dataIndex: "listingTitle", key: "about" },
    { title: t("innovation.contact.message"), dataIndex: "message", key: "message", responsive: ["md"] },
    { title: "", key: "at", render: (_, c) => fmt.date(c.createdAt), responsive: ["lg"] },
    {
      title: t("innovation.contacts.project"),
      key: "project",
      render: (_, c) =>
        c.projectId ? (
          <Link to={`/innovation/projects/${c.projectId}`}>{t("innovation.project.open")}</Link>
        ) : canWrite ? (
          <Button
            size="small"
            data-testid="innovation-open-project"
            onClick={() => {
              form.setFieldsValue({
                title: c.listingTitle,
                budgetTotal: 100,
                leadBudgetShare: 60,
                partnerShare: 40,
                partnerRole: "research",
              });
              setFrom({ contact: c, partnerOrgId: side === "received" ? c.fromOrgId : c.toOrgId });
            }}
          >
            {t("innovation.openProject")}
          </Button>
        ) : null,
    },
  ];

  return (
    <div data-testid="innovation-contacts" data-loaded={contacts.loading ? "false" : "true"}>
      {contacts.error !== null && <ErrorAlert error={contacts.error} onRetry={contacts.reload} />}
      {(["received", "sent"] as const).map((side) => (
        <Card key={side} size="small" title={t(`innovation.contacts.${side}`)} style={{ marginBottom: 12 }}>
          <Table<Contact>
            rowKey="id"
            size="small"
            data-testid={`innovation-contacts-${side}`}
            loading={contacts.loading}
            columns={columns(side)}
            dataSource={contacts.data?.[side] ?? []}
            locale={{ emptyText: t("innovation.empty") }}
            pagination={false}
          />
        </Card>
      ))}
      <Modal
        open={from !== null}
        title={t("innovation.openProject")}
        okText={t("common.ok")}
        cancelText={t("common.cancel")}
        confirmLoading={busy}
        onCancel={() => setFrom(null)}
        onOk={() => form.submit()}
        okButtonProps={{ "data-testid": "innovation-project-submit" } as Record<string, string>}
        forceRender
      >
        <Form<ProjectValues> form={form} layout="vertical" onFinish={open}>
          <Form.Item
            name="title"
            label={t("innovation.project.title")}
            rules={[{ required: true, whitespace: true, message: t("innovation.required") }]}
          >
            <Input maxLength={200} data-testid="innovation-project-title" />
          </Form.Item>
          <Form.Item name="budgetTotal" label={t("innovation.project.budget")}>
            <InputNumber min={0} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="leadBudgetShare" label={t("innovation.project.myShare")}>
            <InputNumber min={0} max={100} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="partnerShare" label={t("innovation.project.partnerShare")}>
            <InputNumber min={0} max={100} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="partnerRole" label={t("innovation.project.partnerRole")}>
            <Select
              options={PROJECT_ROLES.filter((r) => r !== "lead").map((r) => ({
                value: r,
                label: t(`innovation.role.${r}`),
              }))}
            />
          </Form.Item>
          {error !== null && <ErrorAlert error={error} />}
        </Form>
      </Modal>
    </div>
  );
}
