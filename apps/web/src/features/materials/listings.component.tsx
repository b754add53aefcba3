import { PlusOutlined } from "@ant-design/icons";
import {
  MATERIAL_CATEGORIES,
  MATERIAL_LISTING_KINDS,
  type MaterialCategory,
  type MaterialListing,
  type MaterialListingKind,
} from "@clusterbrain/contracts";
import {
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
} from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { DataText } from "../../shared/ui/data-text.component.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { MaterialMatchesDrawer } from "./matches.component.tsx";
import { materialsApi } from "./materials.api.ts";

interface PostValues {
  kind: MaterialListingKind;
  category: MaterialCategory;
  spec: string;
  quantity: number;
  unit: string;
  byDate: string;
  district?: string;
  draft?: boolean;
}

/** Needs and offers: the cluster's open ones or my org's, filtered, exported as shown; post; matches. */
export function MaterialListings({ canWrite }: { canWrite: boolean }) {
  const { t, tEnum, pick, locale } = useI18n();
  const [scope, setScope] = useState<"open" | "mine">("open");
  const [kind, setKind] = useState<MaterialListingKind | undefined>(undefined);
  const [category, setCategory] = useState<MaterialCategory | undefined>(undefined);
  const query = { scope, kind, category };
  const listings = useApi((signal) => materialsApi.list(query, signal), [scope, kind, category]);
  const [posting, setPosting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [matchesOf, setMatchesOf] = useState<MaterialListing | null>(null);
  const [form] = Form.useForm<PostValues>();

  const post = async (v: PostValues) => {
    setBusy(true);
    setError(null);
    try {
      await materialsApi.create({
        kind: v.kind,
        category: v.category,
        spec: v.spec,
        quantity: v.quantity,
        unit: v.unit,
        byDate: v.byDate,
        district: v.district ?? "",
        status: v.draft ? "draft" : "open",
      });
      setPosting(false);
      form.resetFields();
      setScope("mine");
      listings.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const setStatus = async (l: MaterialListing, status: "open" | "closed") => {
    setError(null);
    try {
      await materialsApi.update(l.id, { status });
      listings.reload();
    } catch (err) {
      setError(err);
    }
  };
  const categoryOptions = MATERIAL_CATEGORIES.map((c) => ({ value: c, label: tEnum("materialCategory", c) }));

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          data-testid="materials-scope"
          value={scope}
          onChange={(v) => setScope(v as "open" | "mine")}
          options={[
            { value: "open", label: t("materials.scope.open") },
            { value: "mine", label: t("materials.scope.mine") },
          ]}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t("materials.kind.all")}
          value={kind}
          onChange={setKind}
          options={MATERIAL_LISTING_KINDS.map((k) => ({ value: k, label: tEnum("materialKind", k) }))}
        />
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t("materials.category.all")}
          value={category}
          onChange={setCategory}
          options={categoryOptions}
        />
        <Button
          href={materialsApi.exportUrl(query, locale === "en" ? "en" : "zh")}
          data-testid="materials-export"
        >
          {t("materials.export")}
        </Button>
        {canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setPosting(true)}
            data-testid="materials-post"
          >
            {t("materials.post")}
          </Button>
        )}
      </Space>
      {error !== null && <ErrorAlert error={error} />}
      {listings.error !== null && <ErrorAlert error={listings.error} onRetry={listings.reload} />}
      <Table<MaterialListing>
        data-testid="materials-listings"
        data-loaded={listings.loading ? "false" : "true"}
        size="small"
        rowKey="id"
        loading={listings.loading}
        dataSource={listings.data?.items ?? []}
        locale={{ emptyText: t("materials.empty") }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t("materials.col.kind"), render: (_, l) => <Tag>{tEnum("materialKind", l.kind)}</Tag> },
          { title: t("materials.col.category"), render: (_, l) => tEnum("materialCategory", l.category) },
          { title: t("materials.col.spec"), render: (_, l) => <DataText text={l.spec} /> },
          { title: t("materials.col.quantity"), render: (_, l) => `${l.quantity} ${l.unit}` },
          { title: t("materials.col.byDate"), dataIndex: "byDate" },
          { title: t("materials.col.district"), render: (_, l) => <DataText text={l.district} /> },
          { title: t("materials.col.firm"), render: (_, l) => pick(l.orgNameZh, l.orgNameEn) },
          { title: t("materials.col.status"), render: (_, l) => tEnum("materialStatus", l.status) },
          {
            key: "actions",
            render: (_, l) =>
              l.mine ? (
                <Space>
                  {l.status === "open" && (
                    <Button size="small" onClick={() => setMatchesOf(l)} data-testid="materials-show-matches">
                      {t("materials.showMatches")}
                    </Button>
                  )}
                  {canWrite && l.status === "draft" && (
                    <Button size="small" onClick={() => setStatus(l, "open")}>
                      {t("materials.publish")}
                    </Button>
                  )}
                  {canWrite && l.status === "open" && (
                    <Button size="small" onClick={() => setStatus(l, "closed")}>
                      {t("materials.close")}
                    </Button>
                  )}
                </Space>
              ) : null,
          },
        ]}
      />
      <Modal
        open={posting}
        title={t("materials.post.title")}
        onCancel={() => setPosting(false)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        okText={t("materials.post.submit")}
        okButtonProps={{ "data-testid": "materials-post-submit" } as Record<`data-${string}`, string>}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={post} initialValues={{ kind: "need", unit: "pcs" }}>
          <Form.Item name="kind" label={t("materials.post.kind")} rules={[{ required: true }]}>
            <Segmented
              data-testid="materials-post-kind"
              options={MATERIAL_LISTING_KINDS.map((k) => ({ value: k, label: tEnum("materialKind", k) }))}
            />
          </Form.Item>
          <Form.Item name="category" label={t("materials.post.category")} rules={[{ required: true }]}>
            <Select data-testid="materials-post-category" options={categoryOptions} />
          </Form.Item>
          <Form.Item name="spec" label={t("materials.post.spec")} rules={[{ required: true, max: 2000 }]}>
            <Input.TextArea rows={3} data-testid="materials-post-spec" />
          </Form.Item>
          <Space>
            <Form.Item name="quantity" label={t("materials.post.quantity")} rules={[{ required: true }]}>
              <InputNumber min={0.001} data-testid="materials-post-quantity" />
            </Form.Item>
            <Form.Item name="unit" label={t("materials.post.unit")} rules={[{ required: true, max: 20 }]}>
              <Input style={{ width: 100 }} data-testid="materials-post-unit" />
            </Form.Item>
          </Space>
          <Form.Item name="byDate" label={t("materials.post.byDate")} rules={[{ required: true }]}>
            <Input type="date" style={{ width: 180 }} data-testid="materials-post-date" />
          </Form.Item>
          <Form.Item name="district" label={t("materials.post.district")}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="draft" valuePropName="checked">
            <Checkbox>{t("materials.post.draft")}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
      {matchesOf && <MaterialMatchesDrawer listing={matchesOf} onClose={() => setMatchesOf(null)} />}
    </div>
  );
}
