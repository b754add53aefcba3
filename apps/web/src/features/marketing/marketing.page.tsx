import {
  type Campaign,
  HOSPITAL_LEVELS,
  LEAD_STAGES,
  type Lead,
  type Segment,
  type SegmentFilter,
  type SuppressedNumber,
} from "@clusterbrain/contracts";
import {
  Button,
  Card,
  Descriptions,
  Input,
  InputNumber,
  message,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { marketingApi } from "./marketing.api.ts";
import { ChannelsCard } from "./marketing-channels.component.tsx";

type Hospital = Segment["hospitals"][number];

/** Supplier's precision marketing: segment builder, bundles per segment, campaigns with leads. */
export default function MarketingPage() {
  const { t, tEnum, pick, fmt } = useI18n();
  const [draft, setDraft] = useState<SegmentFilter>({ deviceType: "patient monitor", minAgeYears: 8 });
  const [filter, setFilter] = useState<SegmentFilter>(draft);
  const segment = useApi((signal) => marketingApi.segment(filter, signal), [JSON.stringify(filter)]);
  const campaigns = useApi((signal) => marketingApi.campaigns(signal), []);
  const bundles = useApi((signal) => marketingApi.bundles(signal), []);
  const [error, setError] = useState<unknown>(null);
  const [bundle, setBundle] = useState({ name: "", product: "", service: "", price: 0 });
  const [campaign, setCampaign] = useState<{ name: string; channel: string; bundleId?: string }>({
    name: "",
    channel: "",
  });
  const s = segment.data;
  const k = s?.k ?? 3;
  const num = (v: SuppressedNumber | undefined, d = 0) =>
    !v || v.value === null ? t("marketing.suppressed", { k }) : fmt.number(v.value, d);
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      message.success(t("marketing.created"));
    } catch (e) {
      setError(e);
    }
  };
  const saveBundle = () =>
    run(async () => {
      const items = [
        ...(bundle.product ? [{ kind: "product" as const, name: bundle.product, quantity: 1 }] : []),
        ...(bundle.service ? [{ kind: "service" as const, name: bundle.service, quantity: 1 }] : []),
      ];
      await marketingApi.createBundle({ name: bundle.name, segment: filter, items, price: bundle.price });
      bundles.reload();
    });
  const createCampaign = () =>
    run(async () => {
      await marketingApi.createCampaign({
        name: campaign.name,
        segment: filter,
        channel: campaign.channel || undefined,
        bundleId: campaign.bundleId,
      });
      campaigns.reload();
    });
  const moveLead = (lead: Lead, stage: Lead["stage"]) =>
    run(async () => {
      await marketingApi.updateLead(lead.id, { stage });
      campaigns.reload();
    });
  return (
    <div data-testid="marketing-page">
      <Typography.Title level={3}>{t("marketing.title")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("marketing.kNote", { k })}</Typography.Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      <Card size="small" title={t("marketing.segment")} style={{ marginBottom: 16 }}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input
            placeholder={t("marketing.county")}
            value={draft.county ?? ""}
            onChange={(e) => setDraft({ ...draft, county: e.target.value || undefined })}
            data-testid="marketing-county"
          />
          <Select
            style={{ minWidth: 120 }}
            value={draft.level ?? ""}
            onChange={(v: string) => setDraft({ ...draft, level: HOSPITAL_LEVELS.find((l) => l === v) })}
            options={[
              { value: "", label: t("marketing.level.any") },
              ...HOSPITAL_LEVELS.map((l) => ({ value: l, label: tEnum("marketing.level", l) })),
            ]}
            data-testid="marketing-level"
          />
          <Input
            placeholder={t("marketing.deviceType")}
            value={draft.deviceType ?? ""}
            onChange={(e) => setDraft({ ...draft, deviceType: e.target.value || undefined })}
            data-testid="marketing-device"
          />
          <InputNumber
            addonBefore={t("marketing.minAge")}
            min={0}
            max={100}
            value={draft.minAgeYears ?? null}
            onChange={(v) => setDraft({ ...draft, minAgeYears: v ?? undefined })}
            data-testid="marketing-min-age"
          />
          <Button type="primary" onClick={() => setFilter(draft)} data-testid="marketing-build">
            {t("marketing.build")}
          </Button>
        </Space>
        {segment.error ? <ErrorAlert error={segment.error} onRetry={segment.reload} /> : null}
        <Descriptions size="small" column={4} data-testid="marketing-aggregate">
          <Descriptions.Item label={t("marketing.matches", { n: s?.hospitals.length ?? 0 })}>
            {""}
          </Descriptions.Item>
          <Descriptions.Item label={t("marketing.aggDevices")}>{num(s?.aggregate.devices)}</Descriptions.Item>
          <Descriptions.Item label={t("marketing.aggAge")}>
            {num(s?.aggregate.meanAgeYears, 1)}
          </Descriptions.Item>
          <Descriptions.Item label={t("marketing.aggHours")}>
            {num(s?.aggregate.usageHours)}
          </Descriptions.Item>
        </Descriptions>
        <Table<Hospital>
          size="small"
          rowKey="orgId"
          loading={segment.loading}
          pagination={false}
          dataSource={s?.hospitals ?? []}
          data-testid="marketing-segment"
          data-count={s ? s.hospitals.length : ""}
          onRow={(h) => ({ "data-testid": `marketing-hospital-${h.orgId}` }) as never}
          columns={[
            { title: t("marketing.hospital"), render: (_: unknown, h) => pick(h.nameZh, h.nameEn) },
            { title: t("marketing.level"), render: (_: unknown, h) => tEnum("marketing.level", h.level) },
            { title: t("marketing.county"), dataIndex: "county" },
            { title: t("marketing.devices"), dataIndex: "devices" },
            { title: t("marketing.oldest"), render: (_: unknown, h) => h.oldestInstallYear ?? "—" },
          ]}
        />
      </Card>
      <Card size="small" title={t("marketing.bundles")} style={{ marginBottom: 16 }}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input
            placeholder={t("marketing.bundleName")}
            value={bundle.name}
            onChange={(e) => setBundle({ ...bundle, name: e.target.value })}
            data-testid="marketing-bundle-name"
          />
          <Input
            placeholder={t("marketing.product")}
            value={bundle.product}
            onChange={(e) => setBundle({ ...bundle, product: e.target.value })}
          />
          <Input
            placeholder={t("marketing.service")}
            value={bundle.service}
            onChange={(e) => setBundle({ ...bundle, service: e.target.value })}
          />
          <InputNumber
            addonBefore={t("marketing.price")}
            min={0}
            value={bundle.price}
            onChange={(v) => setBundle({ ...bundle, price: v ?? 0 })}
          />
          <Button onClick={saveBundle} data-testid="marketing-bundle-save">
            {t("marketing.saveBundle")}
          </Button>
        </Space>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={bundles.data?.items ?? []}
          columns={[
            { title: t("marketing.bundleName"), dataIndex: "name" },
            {
              title: t("marketing.product"),
              render: (_: unknown, b) =>
                b.items.map((i) => (
                  <Tag key={`${i.kind}-${i.name}`}>{`${tEnum("marketing", i.kind)}: ${i.name}`}</Tag>
                )),
            },
            { title: t("marketing.price"), render: (_: unknown, b) => fmt.number(b.price, 0) },
          ]}
        />
      </Card>
      <Card size="small" title={t("marketing.campaigns")}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input
            placeholder={t("marketing.campaignName")}
            value={campaign.name}
            onChange={(e) => setCampaign({ ...campaign, name: e.target.value })}
            data-testid="marketing-campaign-name"
          />
          <Input
            placeholder={t("marketing.channel")}
            value={campaign.channel}
            onChange={(e) => setCampaign({ ...campaign, channel: e.target.value })}
          />
          <Select
            allowClear
            style={{ minWidth: 160 }}
            placeholder={t("marketing.bundle")}
            value={campaign.bundleId}
            onChange={(v?: string) => setCampaign({ ...campaign, bundleId: v })}
            options={(bundles.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
          />
          <Button type="primary" onClick={createCampaign} data-testid="marketing-campaign-create">
            {t("marketing.createCampaign")}
          </Button>
        </Space>
        {campaigns.error ? <ErrorAlert error={campaigns.error} onRetry={campaigns.reload} /> : null}
        <Table<Campaign>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={campaigns.data?.items ?? []}
          data-testid="marketing-campaigns"
          onRow={(c) => ({ "data-testid": "marketing-campaign", "data-leads": c.leads.length }) as never}
          expandable={{
            expandedRowRender: (c) => (
              <Table<Lead>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={c.leads}
                columns={[
                  {
                    title: t("marketing.hospital"),
                    render: (_: unknown, l) => pick(l.accountNameZh, l.accountNameEn),
                  },
                  { title: t("marketing.contact"), dataIndex: "contact" },
                  {
                    title: t("marketing.stage"),
                    render: (_: unknown, l) => (
                      <Select
                        size="small"
                        value={l.stage}
                        onChange={(v: Lead["stage"]) => moveLead(l, v)}
                        options={LEAD_STAGES.map((st) => ({
                          value: st,
                          label: tEnum("marketing.stage", st),
                        }))}
                      />
                    ),
                  },
                  { title: t("marketing.activities"), render: (_: unknown, l) => l.activities.length },
                ]}
              />
            ),
          }}
          columns={[
            { title: t("marketing.campaignName"), dataIndex: "name" },
            { title: t("marketing.channel"), dataIndex: "channel" },
            { title: t("marketing.leads"), render: (_: unknown, c) => c.leads.length },
          ]}
        />
      </Card>
      <ChannelsCard />
    </div>
  );
}
