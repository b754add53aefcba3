import type { TraceRecall } from "@clusterbrain/contracts";
import { Button, Card, Col, Empty, Form, Input, Radio, Row, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { traceApi } from "./trace.api.ts";

interface DrillForm {
  start: "lot" | "udi";
  lot?: string;
  orgId?: string;
  udi?: string;
  direction: "forward" | "backward";
}

/** Pick a lot (or a device) → every affected device and hospital downstream, or every component lot upstream. */
export function RecallDrillTab() {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<DrillForm>();
  const start = Form.useWatch("start", form) ?? "lot";
  const [result, setResult] = useState<TraceRecall | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (v: DrillForm) => {
    setBusy(true);
    setError(null);
    try {
      const query =
        v.start === "udi"
          ? { udi: v.udi ?? "", direction: v.direction }
          : { lot: v.lot ?? "", direction: v.direction, ...(v.orgId ? { orgId: v.orgId } : {}) };
      setResult(await traceApi.recall(query));
    } catch (e) {
      setResult(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const none = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("trace.none")} />;
  return (
    <Space direction="vertical" style={{ width: "100%" }} data-testid="recall-drill">
      <Form<DrillForm>
        form={form}
        layout="inline"
        initialValues={{ start: "lot", direction: "forward" }}
        onFinish={run}
        data-testid="recall-form"
      >
        <Form.Item name="start" label={t("trace.start")}>
          <Radio.Group
            options={[
              { value: "lot", label: t("trace.start.lot") },
              { value: "udi", label: t("trace.start.udi") },
            ]}
          />
        </Form.Item>
        {start === "lot" ? (
          <>
            <Form.Item name="lot" label={t("trace.lot")} rules={[{ required: true }]}>
              <Input data-testid="recall-lot" style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="orgId" label={t("trace.lotOrg")}>
              <Input data-testid="recall-org" style={{ width: 200 }} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="udi" label={t("trace.udi")} rules={[{ required: true }]}>
            <Input data-testid="recall-udi" style={{ width: 380 }} />
          </Form.Item>
        )}
        <Form.Item name="direction" label={t("trace.direction")}>
          <Radio.Group
            options={[
              { value: "forward", label: t("trace.direction.forward") },
              { value: "backward", label: t("trace.direction.backward") },
            ]}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="recall-run">
            {t("trace.run")}
          </Button>
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
      {result ? (
        <div
          data-testid="recall-result"
          data-hospitals={result.hospitals.length}
          data-devices={result.devices.length}
        >
          <Typography.Paragraph strong>
            {t("trace.summary", {
              devices: result.devices.length,
              hospitals: result.hospitals.length,
              lots: result.lots.length,
              shipments: result.shipments.length,
              ms: result.ms,
            })}
          </Typography.Paragraph>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={8}>
              <Card title={t("trace.hospitals")} size="small">
                {result.hospitals.length === 0
                  ? none
                  : result.hospitals.map((h) => (
                      <Tag key={h.orgId} color="red" data-testid="recall-hospital">
                        {pick(h.nameZh, h.nameEn)}
                      </Tag>
                    ))}
              </Card>
              <Card title={t("trace.lots")} size="small" style={{ marginTop: 16 }}>
                {result.lots.length === 0
                  ? none
                  : result.lots.map((l) => (
                      <Tag key={`${l.orgId}|${l.lot}`} data-testid="recall-lot-item">
                        {l.lot} · {pick(l.nameZh, l.nameEn)}
                      </Tag>
                    ))}
              </Card>
            </Col>
            <Col xs={24} lg={16}>
              <Card title={t("trace.devices")} size="small">
                <Table
                  size="small"
                  rowKey="udi"
                  dataSource={result.devices}
                  pagination={{ pageSize: 20 }}
                  locale={{ emptyText: t("trace.none") }}
                  columns={[
                    { title: "UDI", dataIndex: "udi" },
                    { title: "GTIN", dataIndex: "gtin" },
                    { title: t("trace.serial"), dataIndex: "serial" },
                  ]}
                />
              </Card>
              <Card title={t("trace.shipments")} size="small" style={{ marginTop: 16 }}>
                {result.shipments.length === 0
                  ? none
                  : result.shipments.map((s) => (
                      <Tag key={`${s.orgId}|${s.shipment}`}>
                        {s.shipment} · {pick(s.nameZh, s.nameEn)}
                      </Tag>
                    ))}
              </Card>
            </Col>
          </Row>
        </div>
      ) : null}
    </Space>
  );
}
