import type { IndicatorUpsertRequest } from "@clusterbrain/contracts";
import { Button, Card, Col, Form, InputNumber, message, Row, Select } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import type { MessageKey } from "../../i18n/zh-cn.messages.ts";
import { api } from "../../shared/api/endpoints.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { useUnsavedGuard } from "./unsaved-guard.hook.ts";

const FIELDS: ReadonlyArray<{
  name: keyof Omit<IndicatorUpsertRequest, "year">;
  label: MessageKey;
  int?: boolean;
}> = [
  { name: "revenue", label: "indicator.revenue" },
  { name: "profit", label: "indicatorForm.profit" },
  { name: "rdSpend", label: "indicator.rdSpend" },
  { name: "exports", label: "indicator.exports" },
  { name: "fixedAssets", label: "indicatorForm.fixedAssets" },
  { name: "employees", label: "indicator.employees", int: true },
  { name: "patents", label: "indicator.patents", int: true },
  { name: "energyUse", label: "indicator.energyUse" },
];

/** One year of my org's own indicators (owner, admin or member), prefilled from what is recorded. */
export function IndicatorsForm({ orgId }: { orgId: string }) {
  const { t } = useI18n();
  const thisYear = new Date().getFullYear();
  const [form] = Form.useForm<IndicatorUpsertRequest>();
  const [year, setYear] = useState(thisYear - 1);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [dirty, setDirty] = useState(false);
  const [toast, toastHolder] = message.useMessage();
  const recorded = useApi(() => api.orgs.indicators(orgId), [orgId]);
  useUnsavedGuard(dirty);

  useEffect(() => {
    const existing = recorded.data?.items.find((i) => i.year === year);
    form.resetFields();
    form.setFieldsValue(existing ?? { year });
    setDirty(false);
  }, [recorded.data, year, form]);

  const save = async (values: IndicatorUpsertRequest) => {
    setSaving(true);
    setError(null);
    try {
      await api.orgs.putIndicators(orgId, { ...values, year });
      toast.success(t("indicatorForm.saved"));
      setDirty(false);
      recorded.reload();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      title={t("indicatorForm.title")}
      data-testid="indicators-form"
      style={{ marginBottom: 16 }}
    >
      {toastHolder}
      <Form<IndicatorUpsertRequest>
        form={form}
        layout="vertical"
        onFinish={save}
        onValuesChange={() => setDirty(true)}
      >
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item label={t("indicatorForm.year")}>
              <Select
                value={year}
                data-testid="indicators-year"
                onChange={(v: number) => setYear(v)}
                options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({
                  value: y,
                  label: String(y),
                }))}
              />
            </Form.Item>
          </Col>
          {FIELDS.map((f) => (
            <Col xs={12} md={6} key={f.name}>
              <Form.Item
                name={f.name}
                label={t(f.label)}
                rules={[{ required: true, message: t("myOrg.required") }]}
              >
                <InputNumber
                  style={{ width: "100%" }}
                  min={f.name === "profit" ? -1e12 : 0}
                  precision={f.int ? 0 : 2}
                  data-testid={`indicators-${f.name}`}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        {error !== null && <ErrorAlert error={error} />}
        <Button type="primary" htmlType="submit" loading={saving} data-testid="indicators-save">
          {t("indicatorForm.save")}
        </Button>
      </Form>
    </Card>
  );
}
