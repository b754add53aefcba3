import { PlusOutlined } from "@ant-design/icons";
import { LISTING_KINDS, type Listing, type ListingKind } from "@clusterbrain/contracts";
import { Button, Form, Input, Modal, message, Segmented, Select, Space, Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { innovationApi, splitKeywords } from "./innovation.api.ts";
import { MatchesDrawer } from "./matches.component.tsx";

interface PostValues {
  kind: ListingKind;
  title: string;
  description?: string;
  keywords?: string;
  industryCodes?: string;
  certifications?: string;
}

/** Demands and capabilities: search (zh/en), the cluster's or my org's, post, close, see matches. */
export function Listings({ canWrite, onChanged }: { canWrite: boolean; onChanged: () => void }) {
  const { t, tEnum, pick } = useI18n();
  const [q, setQ] = useState("");
  const [kind, setKind] = useState<ListingKind | "all">("all");
  const [scope, setScope] = useState<"all" | "mine">("all");
  const listings = useApi(
    (signal) =>
      innovationApi.listings({ q: q || undefined, kind: kind === "all" ? undefined : kind, scope }, signal),
    [q, kind, scope],
  );
  const [posting, setPosting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [matchesOf, setMatchesOf] = useState<Listing | null>(null);
  const [form] = Form.useForm<PostValues>();
  const [toast, holder] = message.useMessage();

  const post = async (v: PostValues) => {
    setBusy(true);
    setError(null);
    try {
      await innovationApi.createListing({
        kind: v.kind,
        title: v.title,
        description: v.description ?? "",
        keywords: splitKeywords(v.keywords),
        industryCodes: splitKeywords(v.industryCodes).map((c) => c.toUpperCase()),
        chainNodeIds: [],
        certifications: splitKeywords(v.certifications),
      });
      toast.success(t("innovation.posted"));
      setPosting(false);
      form.resetFields();
      setScope("mine");
      listings.reload();
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const close = async (l: Listing) => {
    await innovationApi.closeListing(l.id);
    toast.success(t("innovation.closed"));
    listings.reload();
    onChanged();
  };

  const columns: ColumnsType<Listing> = [
    { title: t("innovation.col.title"), dataIndex: "title", key: "title" },
    {
      title: t("innovation.col.kind"),
      key: "kind",
      render: (_, l) => (
        <Tag color={l.kind === "demand" ? "orange" : "cyan"}>{tEnum("innovation.kind", l.kind)}</Tag>
      ),
    },
    {
      title: t("innovation.col.org"),
      key: "org",
      render: (_, l) => pick(l.orgNameZh, l.orgNameEn),
      responsive: ["md"],
    },
    {
      title: t("innovation.col.status"),
      key: "status",
      render: (_, l) => tEnum("innovation.status", l.status),
    },
    {
      title: t("innovation.col.actions"),
      key: "actions",
      render: (_, l) =>
        l.mine ? (
          <Space>
            <Button size="small" data-testid="innovation-show-matches" onClick={() => setMatchesOf(l)}>
              {t("innovation.showMatches")}
            </Button>
            {canWrite && l.status === "open" && (
              <Button size="small" danger onClick={() => void close(l)}>
                {t("innovation.close")}
              </Button>
            )}
          </Space>
        ) : null,
    },
  ];

  return (
    <div>
      {holder}
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          style={{ width: 360 }}
          placeholder={t("innovation.search")}
          data-testid="innovation-search"
          onSearch={(v) => setQ(v.trim())}
        />
        <Select
          style={{ width: 180 }}
          value={kind}
          onChange={setKind}
          options={[
            { value: "all", label: t("innovation.kind.all") },
            ...LISTING_KINDS.map((k) => ({ value: k, label: tEnum("innovation.kind", k) })),
          ]}
        />
        <Segmented
          value={scope}
          onChange={(v) => setScope(v as "all" | "mine")}
          data-testid="innovation-scope"
          options={[
            { value: "all", label: t("innovation.scope.all") },
            { value: "mine", label: t("innovation.scope.mine") },
          ]}
        />
        {canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="innovation-post"
            onClick={() => setPosting(true)}
          >
            {t("innovation.post")}
          </Button>
        )}
      </Space>
      {listings.error !== null && <ErrorAlert error={listings.error} onRetry={listings.reload} />}
      <Table<Listing>
        rowKey="id"
        size="small"
        data-testid="innovation-listings"
        data-loaded={listings.loading ? "false" : "true"}
        loading={listings.loading}
        columns={columns}
        dataSource={listings.data?.items ?? []}
        locale={{ emptyText: t("innovation.empty") }}
        pagination={{ pageSize: 20 }}
        onRow={(l) => ({ "data-listing-id": l.id }) as React.HTMLAttributes<HTMLElement>}
      />
      {matchesOf && <MatchesDrawer listing={matchesOf} onClose={() => setMatchesOf(null)} />}
      <Modal
        open={posting}
        title={t("innovation.post")}
        okText={t("common.ok")}
        cancelText={t("common.cancel")}
        confirmLoading={busy}
        onCancel={() => setPosting(false)}
        onOk={() => form.submit()}
        okButtonProps={{ "data-testid": "innovation-post-submit" } as Record<string, string>}
        destroyOnHidden
      >
        <Form<PostValues> form={form} layout="vertical" onFinish={post} initialValues={{ kind: "demand" }}>
          <Form.Item name="kind" label={t("innovation.field.kind")}>
            <Segmented
              data-testid="innovation-post-kind"
              options={LISTING_KINDS.map((k) => ({ value: k, label: tEnum("innovation.kind", k) }))}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label={t("innovation.field.title")}
            rules={[{ required: true, whitespace: true, message: t("innovation.required") }]}
          >
            <Input maxLength={200} data-testid="innovation-post-title" />
          </Form.Item>
          <Form.Item name="description" label={t("innovation.field.description")}>
            <Input.TextArea rows={3} maxLength={4000} data-testid="innovation-post-description" />
          </Form.Item>
          <Form.Item name="keywords" label={t("innovation.field.keywords")}>
            <Input data-testid="innovation-post-keywords" />
          </Form.Item>
          <Form.Item name="industryCodes" label={t("innovation.field.industryCodes")}>
            <Input />
          </Form.Item>
          <Form.Item name="certifications" label={t("innovation.field.certifications")}>
            <Input />
          </Form.Item>
          {error !== null && <ErrorAlert error={error} />}
        </Form>
      </Modal>
    </div>
  );
}
