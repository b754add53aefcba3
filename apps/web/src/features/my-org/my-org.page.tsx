import { DownloadOutlined } from "@ant-design/icons";
import { SIZE_BANDS, usccIssue } from "@clusterbrain/contracts";
import {
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  message,
  Row,
  Select,
  Skeleton,
  Space,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { ApiError, fieldProblems } from "../../shared/api/api-error.ts";
import { api, downloads } from "../../shared/api/endpoints.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { canManageOrg, canWriteIndicators } from "../../shared/auth/access.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { DistrictPicker, IndustryPicker } from "../../shared/ui/name-pickers.component.tsx";
import { ProfileBody } from "../org-profile/org-profile.page.tsx";
import { BenchmarksCard } from "./benchmarks.component.tsx";
import { IndicatorsForm } from "./indicators-form.component.tsx";
import { formToUpdate, type MyOrgFormValues, profileToForm } from "./my-org.form.ts";
import { useUnsavedGuard } from "./unsaved-guard.hook.ts";

const INDUSTRY_PATTERN = /^([A-T]?\d{2,4}|[A-T])?$/;

export default function MyOrgPage() {
  const { t, tEnum, pick, fmt } = useI18n();
  const me = useMe();
  const editable = canManageOrg(me);
  const [form] = Form.useForm<MyOrgFormValues>();
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [toast, toastHolder] = message.useMessage();
  const [dirty, setDirty] = useState(false);
  useUnsavedGuard(dirty);
  const data = useApi(
    async (signal) => {
      const [org, nodes] = await Promise.all([api.orgs.get(me.org.id, signal), api.chain.nodes(signal)]);
      return { org, nodes: nodes.items };
    },
    [me.org.id],
  );

  useEffect(() => {
    if (data.data !== undefined) form.setFieldsValue(profileToForm(data.data.org));
  }, [data.data, form]);

  const save = async (values: MyOrgFormValues) => {
    setSaving(true);
    setSaveError(null);
    try {
      const includeContact = data.data?.org.contact !== undefined;
      const updated = await api.orgs.update(me.org.id, formToUpdate(values, includeContact));
      form.setFieldsValue(profileToForm(updated));
      setDirty(false);
      toast.success(t("myOrg.saved"));
    } catch (err) {
      // Field problems go onto the fields themselves; the banner keeps the server's code and message.
      const problems = err instanceof ApiError ? fieldProblems(err.details) : [];
      const known = new Set(Object.keys(form.getFieldsValue(true)));
      form.setFields(
        problems
          .filter((p) => known.has(p.field))
          .map((p) => ({
            name: p.field as keyof MyOrgFormValues,
            errors: [fmt.server(p) ?? t("error.title")],
          })),
      );
      setSaveError(err);
    } finally {
      setSaving(false);
    }
  };

  if (data.error !== null) return <ErrorAlert error={data.error} onRetry={data.reload} />;
  if (data.data === undefined) return <Skeleton active />;
  const showContact = data.data.org.contact !== undefined;
  // A viewer (or member) reads the profile as everyone sees it, not a form with every field greyed out.
  if (!editable) {
    return (
      <div data-testid="my-org-page">
        <Typography.Title level={3}>{t("myOrg.title")}</Typography.Title>
        <BenchmarksCard orgId={me.org.id} />
        {canWriteIndicators(me) && <IndicatorsForm orgId={me.org.id} />}
        <ProfileBody org={data.data.org} />
      </div>
    );
  }
  const required = [{ required: true, whitespace: true, message: t("myOrg.required") }];

  return (
    <div data-testid="my-org-page">
      {toastHolder}
      <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
        <Typography.Title level={3}>{t("myOrg.title")}</Typography.Title>
        <Button icon={<DownloadOutlined />} href={downloads.myOrg} download data-testid="my-org-export">
          {t("myOrg.export")}
        </Button>
      </Space>
      <BenchmarksCard orgId={me.org.id} />
      <IndicatorsForm orgId={me.org.id} />
      <Form<MyOrgFormValues>
        form={form}
        layout="vertical"
        onFinish={save}
        onValuesChange={() => setDirty(true)}
        data-testid="my-org-form"
        scrollToFirstError
      >
        <Card size="small" title={t("myOrg.basics")} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="nameZh" label={t("profile.nameZh")} rules={required}>
                <Input data-testid="field-nameZh" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="nameEn" label={t("profile.nameEn")} rules={required}>
                <Input data-testid="field-nameEn" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="uscc"
                label={t("profile.uscc")}
                rules={[
                  {
                    validator: async (_, value: string | undefined) => {
                      const code = (value ?? "").trim().toUpperCase();
                      if (code === "") return;
                      const issue = usccIssue(code);
                      if (issue !== null)
                        throw new Error(
                          t("myOrg.usccInvalid", { reason: fmt.server({ ...issue, message: "" }) ?? "" }),
                        );
                    },
                  },
                ]}
              >
                <Input data-testid="field-uscc" maxLength={18} style={{ fontFamily: "monospace" }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="industryCode"
                label={t("profile.industry")}
                rules={[{ pattern: INDUSTRY_PATTERN, message: t("myOrg.industryInvalid") }]}
              >
                <IndustryPicker testId="field-industryCode" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="sizeBand" label={t("profile.size")}>
                <Select
                  data-testid="field-sizeBand"
                  options={SIZE_BANDS.map((s) => ({ value: s, label: tEnum("size", s) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="district" label={t("profile.district")}>
                <DistrictPicker testId="field-district" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="foundedYear" label={t("profile.founded")}>
                <InputNumber
                  min={1800}
                  max={2100}
                  style={{ width: "100%" }}
                  data-testid="field-foundedYear"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="website" label={t("profile.website")}>
                <Input data-testid="field-website" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="address" label={t("profile.address")}>
                <Input data-testid="field-address" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="descriptionZh" label={`${t("profile.description")} (中文)`}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="descriptionEn" label={`${t("profile.description")} (English)`}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={t("myOrg.offer")} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="products" label={t("profile.products")} extra={t("myOrg.listHint")}>
                <Input.TextArea rows={4} data-testid="field-products" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="capabilities" label={t("profile.capabilities")} extra={t("myOrg.listHint")}>
                <Input.TextArea rows={4} data-testid="field-capabilities" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="certifications" label={t("profile.certifications")}>
                <Select mode="tags" tokenSeparators={[",", "，"]} data-testid="field-certifications" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="chainNodeIds" label={t("profile.chainNodes")}>
                <Select
                  mode="multiple"
                  data-testid="field-chainNodeIds"
                  showSearch={{ optionFilterProp: "label" }}
                  options={data.data.nodes.map((n) => ({ value: n.id, label: pick(n.nameZh, n.nameEn) }))}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        {showContact && (
          <Card size="small" title={t("myOrg.contact")} style={{ marginBottom: 16 }}>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="contactName" label={t("myOrg.contactName")}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="contactPhone" label={t("myOrg.contactPhone")}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="contactEmail" label={t("myOrg.contactEmail")} rules={[{ type: "email" }]}>
                  <Input />
                </Form.Item>
              </Col>
            </Row>
          </Card>
        )}
        {saveError !== null && (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={saveError} />
          </div>
        )}
        <Button type="primary" htmlType="submit" loading={saving} data-testid="my-org-save">
          {t("myOrg.save")}
        </Button>
      </Form>
    </div>
  );
}
