import { PlusOutlined } from "@ant-design/icons";
import {
  KB_KINDS,
  KB_VISIBILITIES,
  type KbArticle,
  type KbKind,
  type KbVisibility,
} from "@clusterbrain/contracts";
import {
  Button,
  Card,
  Drawer,
  Form,
  Input,
  List,
  Modal,
  message,
  Radio,
  Segmented,
  Select,
  Space,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { OrgMultiPicker, type PickedOrg } from "../../shared/ui/org-picker.component.tsx";
import { knowledgeApi } from "./knowledge.api.ts";

const KIND_COLOR: Record<KbKind, string> = { article: "blue", standard: "purple", lesson: "orange" };

interface EntryValues {
  kind: KbKind;
  titleZh: string;
  titleEn?: string;
  standardCode?: string;
  body: string;
  tags?: string[];
  visibility: KbVisibility;
  audience?: PickedOrg[];
}

/** Articles, standards lists and lessons learned the org may read, searched in Chinese and English. */
export default function KnowledgePage() {
  const { t, tEnum, pick, fmt } = useI18n();
  const me = useMe();
  const [q, setQ] = useState("");
  const [kind, setKind] = useState<KbKind | "all">("all");
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<KbArticle | null>(null);
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<unknown>(null);
  const [form] = Form.useForm<EntryValues>();
  const [toast, toastHolder] = message.useMessage();
  const visibility = Form.useWatch("visibility", form);
  const entryKind = Form.useWatch("kind", form);
  const list = useApi(
    (signal) =>
      knowledgeApi.list(
        { q: q.trim() || undefined, kind: kind === "all" ? undefined : kind, page, pageSize: 20 },
        signal,
      ),
    [q, kind, page],
  );

  const create = async (values: EntryValues) => {
    setBusy(true);
    setFormError(null);
    try {
      await knowledgeApi.create({
        kind: values.kind,
        titleZh: values.titleZh,
        titleEn: values.titleEn ?? "",
        standardCode: values.standardCode || undefined,
        body: values.body,
        tags: values.tags ?? [],
        visibility: values.visibility,
        audienceOrgIds: values.visibility === "cluster" ? [] : (values.audience ?? []).map((o) => o.value),
      });
      toast.success(t("knowledge.created"));
      setCreating(false);
      form.resetFields();
      list.reload();
    } catch (err) {
      setFormError(err);
    } finally {
      setBusy(false);
    }
  };

  const tags = (a: KbArticle) => (
    <Space size={[4, 4]} wrap>
      <Tag color={KIND_COLOR[a.kind]}>{tEnum("knowledge.kind", a.kind)}</Tag>
      {a.standardCode && <Tag color="geekblue">{a.standardCode}</Tag>}
      <Tag data-testid="knowledge-visibility">{tEnum("knowledge.visibility", a.visibility)}</Tag>
      {a.tags.map((tag) => (
        <Tag key={tag}>{tag}</Tag>
      ))}
    </Space>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="knowledge-page">
      {toastHolder}
      <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("knowledge.title")}
        </Typography.Title>
        {me.role !== "viewer" && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="knowledge-new"
            onClick={() => setCreating(true)}
          >
            {t("knowledge.new")}
          </Button>
        )}
      </Space>
      <Card size="small">
        <Space wrap>
          <Input.Search
            allowClear
            style={{ width: 380 }}
            placeholder={t("knowledge.search")}
            data-testid="knowledge-search"
            onSearch={(v) => {
              setQ(v);
              setPage(1);
            }}
          />
          <Segmented<KbKind | "all">
            value={kind}
            onChange={(v) => {
              setKind(v);
              setPage(1);
            }}
            options={[
              { value: "all", label: t("knowledge.kindAll") },
              ...KB_KINDS.map((k) => ({ value: k, label: tEnum("knowledge.kind", k) })),
            ]}
          />
        </Space>
      </Card>
      {list.error !== null && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <List<KbArticle>
        data-testid="knowledge-list"
        data-loaded={list.loading ? "false" : "true"}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t("knowledge.empty") }}
        pagination={
          (list.data?.total ?? 0) > 20
            ? { current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }
            : false
        }
        renderItem={(a) => (
          <List.Item data-testid="knowledge-item" key={a.id}>
            <List.Item.Meta
              title={
                <Typography.Link onClick={() => setOpen(a)} data-testid="knowledge-title">
                  {pick(a.titleZh, a.titleEn)}
                </Typography.Link>
              }
              description={
                <Space orientation="vertical" size={4}>
                  {tags(a)}
                  <Typography.Text type="secondary">
                    {pick(a.authorNameZh, a.authorNameEn)} ·{" "}
                    {t("knowledge.updated", { date: fmt.date(a.updatedAt) })}
                  </Typography.Text>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                    {a.body}
                  </Typography.Paragraph>
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {list.data && (
        <Typography.Text type="secondary">{t("knowledge.total", { total: list.data.total })}</Typography.Text>
      )}
      <Drawer
        open={open !== null}
        width={640}
        onClose={() => setOpen(null)}
        title={open ? pick(open.titleZh, open.titleEn) : ""}
      >
        {open && (
          <Space orientation="vertical" style={{ width: "100%" }} data-testid="knowledge-entry">
            {tags(open)}
            <Typography.Text type="secondary">{pick(open.authorNameZh, open.authorNameEn)}</Typography.Text>
            {open.mine && open.audienceOrgIds.length > 0 && (
              <Typography.Text type="secondary">
                {t("knowledge.sharedWith", { count: open.audienceOrgIds.length })}
              </Typography.Text>
            )}
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{open.body}</Typography.Paragraph>
          </Space>
        )}
      </Drawer>
      <Modal
        open={creating}
        width={720}
        title={t("knowledge.new")}
        okText={t("knowledge.save")}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form<EntryValues>
          form={form}
          layout="vertical"
          data-testid="knowledge-form"
          initialValues={{ kind: "article", visibility: "cluster" }}
          onFinish={create}
        >
          <Form.Item name="kind" label={t("knowledge.kindLabel")}>
            <Radio.Group options={KB_KINDS.map((k) => ({ value: k, label: tEnum("knowledge.kind", k) }))} />
          </Form.Item>
          <Form.Item
            name="titleZh"
            label={t("knowledge.titleZh")}
            rules={[{ required: true, whitespace: true, message: t("knowledge.required") }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="titleEn" label={t("knowledge.titleEn")}>
            <Input maxLength={200} />
          </Form.Item>
          {entryKind === "standard" && (
            <Form.Item name="standardCode" label={t("knowledge.standardCode")}>
              <Input maxLength={80} placeholder="YY/T 0316-2016" />
            </Form.Item>
          )}
          <Form.Item
            name="body"
            label={t("knowledge.body")}
            rules={[{ required: true, whitespace: true, message: t("knowledge.required") }]}
          >
            <Input.TextArea rows={6} maxLength={20_000} />
          </Form.Item>
          <Form.Item name="tags" label={t("knowledge.tags")}>
            <Select mode="tags" maxCount={20} />
          </Form.Item>
          <Form.Item name="visibility" label={t("knowledge.visibility")}>
            <Radio.Group
              options={KB_VISIBILITIES.map((v) => ({ value: v, label: tEnum("knowledge.visibility", v) }))}
            />
          </Form.Item>
          {visibility !== undefined && visibility !== "cluster" && (
            <Form.Item
              name="audience"
              label={t("knowledge.audience")}
              rules={[{ required: true, message: t("knowledge.required") }]}
            >
              <OrgMultiPicker
                excludeId={me.org.id}
                max={visibility === "firm" ? 1 : 50}
                placeholder={t("knowledge.audienceSearch")}
                testId="knowledge-audience"
              />
            </Form.Item>
          )}
        </Form>
        {formError !== null && <ErrorAlert error={formError} />}
      </Modal>
    </Space>
  );
}
