import type { Listing, ListingMatch } from "@clusterbrain/contracts";
import { Button, Card, Drawer, Empty, Form, Input, Modal, message, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { ExpertMatches } from "./experts.component.tsx";
import { innovationApi } from "./innovation.api.ts";

/** Ranked matches of one of my listings, each with why it matched, and a way to contact the other side. */
export function MatchesDrawer({ listing, onClose }: { listing: Listing; onClose: () => void }) {
  const { t, tEnum, pick } = useI18n();
  const matches = useApi((signal) => innovationApi.matches(listing.id, signal), [listing.id]);
  const [target, setTarget] = useState<ListingMatch | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ message: string }>();
  const [toast, holder] = message.useMessage();

  const send = async ({ message: text }: { message: string }) => {
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      await innovationApi.contact({ listingId: target.listing.id, fromListingId: listing.id, message: text });
      toast.success(t("innovation.contact.sent"));
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
    <Drawer
      open
      width={640}
      title={t("innovation.matches.title", { title: listing.title })}
      onClose={onClose}
    >
      {holder}
      {matches.error !== null && <ErrorAlert error={matches.error} onRetry={matches.reload} />}
      <div data-testid="innovation-matches" data-loaded={matches.loading ? "false" : "true"}>
        {!matches.loading && (matches.data?.items.length ?? 0) === 0 && (
          <Empty description={t("innovation.matches.empty")} />
        )}
        {matches.data?.items.map((m) => (
          <Card
            key={m.listing.id}
            size="small"
            style={{ marginBottom: 12 }}
            data-testid="innovation-match"
            data-listing-id={m.listing.id}
            title={
              <Space wrap>
                <span>{m.listing.title}</span>
                <Typography.Text type="secondary">
                  {pick(m.listing.orgNameZh, m.listing.orgNameEn)}
                </Typography.Text>
              </Space>
            }
            extra={
              m.contacted ? (
                <Tag color="green" data-testid="innovation-contacted">
                  {t("innovation.matches.contacted")}
                </Tag>
              ) : (
                <Button
                  size="small"
                  type="primary"
                  data-testid="innovation-contact"
                  onClick={() => setTarget(m)}
                >
                  {t("innovation.contact")}
                </Button>
              )
            }
          >
            <Space orientation="vertical" size={4} style={{ width: "100%" }}>
              <Typography.Text strong data-testid="innovation-score">
                {t("innovation.matches.score", { score: Math.round(m.score * 100) })}
              </Typography.Text>
              <Space wrap size={4} data-testid="innovation-reasons">
                {m.reasons
                  .filter((r) => r.value > 0)
                  .map((r) => (
                    <Tag key={r.feature} color="blue" data-feature={r.feature}>
                      {tEnum("innovation.feature", r.feature)}
                      {r.evidence.length > 0 && r.feature !== "keywords" ? `：${r.evidence.join("、")}` : ""}
                    </Tag>
                  ))}
              </Space>
              <Space wrap size={4} data-testid="innovation-terms">
                <Typography.Text type="secondary">{t("innovation.matches.terms")}</Typography.Text>
                {m.matchedTerms.map((term) => (
                  <Tag
                    key={term.term}
                    color={term.viaSynonym ? "purple" : "default"}
                    data-term={term.concept ?? term.term}
                  >
                    {term.viaSynonym
                      ? `${term.query.join("/")} ↔ ${term.candidate.join("/")}`
                      : term.query.join("/")}
                  </Tag>
                ))}
              </Space>
            </Space>
          </Card>
        ))}
      </div>
      <ExpertMatches experts={matches.data?.experts ?? []} />
      <Modal
        open={target !== null}
        title={t("innovation.contact")}
        okText={t("common.ok")}
        cancelText={t("common.cancel")}
        confirmLoading={busy}
        onCancel={() => setTarget(null)}
        onOk={() => form.submit()}
        okButtonProps={{ "data-testid": "innovation-contact-send" } as Record<string, string>}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={send}>
          <Form.Item
            name="message"
            label={t("innovation.contact.message")}
            rules={[{ required: true, whitespace: true, message: t("innovation.required") }]}
          >
            <Input.TextArea rows={4} maxLength={2000} data-testid="innovation-contact-message" />
          </Form.Item>
          {error !== null && <ErrorAlert error={error} />}
        </Form>
      </Modal>
    </Drawer>
  );
}
