import type { MaterialListing, MaterialMatch } from "@clusterbrain/contracts";
import { Button, Card, Drawer, Empty, Form, Input, Modal, message, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { DataText } from "../../shared/ui/data-text.component.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { materialsApi } from "./materials.api.ts";

/** Ranked matches of one of my listings, each with why (category, spec, quantity, date, distance), and contact. */
export function MaterialMatchesDrawer({
  listing,
  onClose,
}: {
  listing: MaterialListing;
  onClose: () => void;
}) {
  const { t, tEnum, pick } = useI18n();
  const matches = useApi((signal) => materialsApi.matches(listing.id, signal), [listing.id]);
  const [target, setTarget] = useState<MaterialMatch | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ message: string }>();
  const [toast, holder] = message.useMessage();

  const send = async ({ message: text }: { message: string }) => {
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      await materialsApi.contact({ listingId: target.listing.id, fromListingId: listing.id, message: text });
      toast.success(t("materials.contact.sent"));
      setTarget(null);
      form.resetFields();
      matches.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open width={640} title={t("materials.matches.title", { spec: listing.spec })} onClose={onClose}>
      {holder}
      {matches.error !== null && <ErrorAlert error={matches.error} onRetry={matches.reload} />}
      <div data-testid="materials-matches" data-loaded={matches.loading ? "false" : "true"}>
        {!matches.loading && (matches.data?.items.length ?? 0) === 0 && (
          <Empty description={t("materials.matches.empty")} />
        )}
        {matches.data?.items.map((m) => (
          <Card
            key={m.listing.id}
            size="small"
            style={{ marginBottom: 12 }}
            data-testid="materials-match"
            data-listing-id={m.listing.id}
            title={
              <Space wrap>
                <DataText text={m.listing.spec} />
                <Typography.Text type="secondary">
                  {pick(m.listing.orgNameZh, m.listing.orgNameEn)}
                </Typography.Text>
              </Space>
            }
            extra={
              <Tag color="blue">{t("materials.matches.score", { score: Math.round(m.score * 100) })}</Tag>
            }
          >
            <Space wrap size={[4, 4]} data-testid="materials-reasons">
              {m.reasons.map((r) => (
                <Tag key={r.feature} data-feature={r.feature} color={r.value > 0 ? "green" : undefined}>
                  {tEnum("materialFeature", r.feature)} {Math.round(r.value * 100)}%
                  {r.evidence.length > 0 && <DataText text={` · ${r.evidence.join(" / ")}`} />}
                </Tag>
              ))}
            </Space>
            <div style={{ marginTop: 8 }}>
              {m.contacted ? (
                <Tag color="green" data-testid="materials-contacted">
                  {t("materials.contacted")}
                </Tag>
              ) : (
                <Button size="small" onClick={() => setTarget(m)} data-testid="materials-contact">
                  {t("materials.contact")}
                </Button>
              )}
            </div>
          </Card>
        ))}
      </div>
      <Modal
        open={target !== null}
        title={t("materials.contact")}
        onCancel={() => setTarget(null)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        {error !== null && <ErrorAlert error={error} />}
        <Form form={form} layout="vertical" onFinish={send}>
          <Form.Item
            name="message"
            label={t("materials.contact.message")}
            rules={[{ required: true, max: 2000 }]}
          >
            <Input.TextArea rows={3} data-testid="materials-contact-message" />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
