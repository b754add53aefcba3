import { ArrowLeftOutlined } from "@ant-design/icons";
import type { OrgProfile } from "@clusterbrain/contracts";
import { Button, Card, Col, Descriptions, Empty, List, Row, Skeleton, Space, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { api } from "../../shared/api/endpoints.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { DataText } from "../../shared/ui/data-text.component.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { PrivateData } from "./private-data.component.tsx";

function TagList({ items, testId }: { items: string[]; testId: string }) {
  const { t } = useI18n();
  if (items.length === 0) return <Typography.Text type="secondary">{t("profile.none")}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap data-testid={testId}>
      {items.map((item) => (
        <Tag key={item}>
          <DataText text={item} />
        </Tag>
      ))}
    </Space>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Card size="small" title={title} data-testid={testId}>
      {children}
    </Card>
  );
}

/** The read-only profile (also what a viewer sees as "my organisation"). */
export function ProfileBody({ org }: { org: OrgProfile }) {
  const { t, tEnum, pick, locale, fmt } = useI18n();
  const other = locale === "en" ? org.nameZh : org.nameEn;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 0 }} data-testid="profile-name">
          {pick(org.nameZh, org.nameEn)}
        </Typography.Title>
        <Typography.Text type="secondary">
          <DataText text={other} />
        </Typography.Text>{" "}
        <Tag color="geekblue" data-testid="profile-kind">
          {tEnum("kind", org.kind)}
        </Tag>
      </div>
      <Card size="small">
        <Descriptions
          data-testid="profile-facts"
          size="small"
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3 }}
          items={[
            { key: "uscc", label: t("profile.uscc"), children: org.uscc ?? "—" },
            {
              key: "district",
              label: t("profile.district"),
              children: org.district ? fmt.district(org.district) : "—",
            },
            {
              key: "industry",
              label: t("profile.industry"),
              children: org.industryCode ? fmt.industry(org.industryCode) : "—",
            },
            { key: "size", label: t("profile.size"), children: tEnum("size", org.sizeBand) },
            { key: "founded", label: t("profile.founded"), children: org.foundedYear ?? "—" },
            {
              key: "website",
              label: t("profile.website"),
              children: org.website ? (
                <a href={org.website} target="_blank" rel="noreferrer noopener">
                  {org.website}
                </a>
              ) : (
                "—"
              ),
            },
            {
              key: "address",
              label: t("profile.address"),
              children: org.address ? <DataText text={org.address} /> : "—",
              span: "filled",
            },
          ]}
        />
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }} data-testid="profile-description">
          {pick(org.descriptionZh, org.descriptionEn) || t("profile.none")}
        </Typography.Paragraph>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Section title={t("profile.chainNodes")} testId="profile-chain-nodes">
            {org.chainNodes.length === 0 ? (
              <Typography.Text type="secondary">{t("profile.none")}</Typography.Text>
            ) : (
              // Each node links to the directory filtered to it: "who else does this?"
              <Space size={[4, 4]} wrap data-testid="profile-chain-node-tags">
                {org.chainNodes.map((n) => (
                  <Link key={n.id} to={`/directory?chainNode=${encodeURIComponent(n.id)}`}>
                    <Tag color="blue">{pick(n.nameZh, n.nameEn)}</Tag>
                  </Link>
                ))}
              </Space>
            )}
          </Section>
        </Col>
        <Col xs={24} md={12}>
          <Section title={t("profile.certifications")} testId="profile-certifications">
            <TagList items={org.certifications} testId="profile-certification-tags" />
          </Section>
        </Col>
        <Col xs={24} md={12}>
          <Section title={t("profile.products")} testId="profile-products">
            <TagList items={org.products.map((p) => pick(p.zh, p.en))} testId="profile-product-tags" />
          </Section>
        </Col>
        <Col xs={24} md={12}>
          <Section title={t("profile.capabilities")} testId="profile-capabilities">
            <TagList items={org.capabilities.map((p) => pick(p.zh, p.en))} testId="profile-capability-tags" />
          </Section>
        </Col>
        <Col xs={24} md={12}>
          <Section title={t("profile.patents")} testId="profile-patents">
            {org.patents.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("profile.none")} />
            ) : (
              <List
                size="small"
                dataSource={org.patents}
                renderItem={(p) => (
                  <List.Item>
                    <Typography.Text code>{p.number}</Typography.Text> <DataText text={p.title} />
                    {p.year !== undefined && <Typography.Text type="secondary"> ({p.year})</Typography.Text>}
                  </List.Item>
                )}
              />
            )}
          </Section>
        </Col>
        {org.keyEquipment !== undefined && (
          <Col xs={24} md={12}>
            <Section title={t("profile.equipment")} testId="profile-equipment">
              <List
                size="small"
                dataSource={org.keyEquipment}
                locale={{ emptyText: t("profile.none") }}
                renderItem={(e) => (
                  <List.Item>
                    <DataText text={e.name} />
                    {e.model ? ` · ${e.model}` : ""}
                    {e.count !== undefined ? ` × ${e.count}` : ""}
                  </List.Item>
                )}
              />
            </Section>
          </Col>
        )}
      </Row>
      <PrivateData orgId={org.id} />
    </Space>
  );
}

export default function OrgProfilePage() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const org = useApi((signal) => api.orgs.get(id, signal), [id]);
  return (
    <div data-testid="profile-page">
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        style={{ paddingLeft: 0 }}
        data-testid="profile-back"
        // Going back keeps the directory's search and page; a direct visit has nothing to go back to.
        onClick={() => (location.key === "default" ? navigate("/directory") : navigate(-1))}
      >
        {t("profile.back")}
      </Button>
      {org.error !== null && <ErrorAlert error={org.error} onRetry={org.reload} />}
      {org.loading && <Skeleton active />}
      {org.data !== undefined && !org.loading && <ProfileBody org={org.data} />}
    </div>
  );
}
