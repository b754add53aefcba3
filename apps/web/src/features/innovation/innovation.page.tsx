import type { ProjectSummary } from "@clusterbrain/contracts";
import { Card, Col, Row, Statistic, Table, Tabs, Tag, Typography } from "antd";
import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { Contacts } from "./contacts.component.tsx";
import { innovationApi } from "./innovation.api.ts";
import { Listings } from "./listings.component.tsx";

/** The innovation hub: demands and capabilities with matches, contacts, joint projects, and the funnel. */
export default function InnovationPage() {
  const { t, tEnum, pick, fmt } = useI18n();
  const me = useMe();
  const canWrite = me.role !== "viewer";
  const funnel = useApi((signal) => innovationApi.funnel(signal), []);
  const projects = useApi((signal) => innovationApi.projects(signal), []);
  const refresh = () => {
    funnel.reload();
    projects.reload();
  };
  const f = funnel.data;

  return (
    <div data-testid="innovation-page">
      <Typography.Title level={3}>{t("innovation.title")}</Typography.Title>
      <Row gutter={12} style={{ marginBottom: 12 }} data-testid="innovation-funnel">
        {(
          [
            ["innovation.funnel.listings", f?.openListings],
            ["innovation.funnel.matched", f?.listingsWithMatches],
            ["innovation.funnel.contacts", f?.contacts],
            ["innovation.funnel.projects", f?.projects],
          ] as const
        ).map(([key, value]) => (
          <Col key={key} xs={12} md={6}>
            <Card size="small">
              <Statistic title={t(key)} value={value ?? "—"} />
            </Card>
          </Col>
        ))}
      </Row>
      {funnel.error !== null && <ErrorAlert error={funnel.error} onRetry={funnel.reload} />}
      <Tabs
        items={[
          {
            key: "listings",
            label: t("innovation.tab.listings"),
            children: <Listings canWrite={canWrite} onChanged={refresh} />,
          },
          {
            key: "contacts",
            label: <span data-testid="innovation-tab-contacts">{t("innovation.tab.contacts")}</span>,
            children: <Contacts canWrite={canWrite} onChanged={refresh} />,
          },
          {
            key: "projects",
            label: <span data-testid="innovation-tab-projects">{t("innovation.tab.projects")}</span>,
            children: (
              <Table<ProjectSummary>
                rowKey="id"
                size="small"
                data-testid="innovation-projects"
                loading={projects.loading}
                dataSource={projects.data?.items ?? []}
                locale={{ emptyText: t("innovation.empty") }}
                pagination={false}
                columns={[
                  {
                    title: t("innovation.project.title"),
                    key: "title",
                    render: (_, p) => <Link to={`/innovation/projects/${p.id}`}>{p.title}</Link>,
                  },
                  {
                    title: t("innovation.project.members"),
                    key: "members",
                    render: (_, p) => p.members.map((m) => pick(m.nameZh, m.nameEn)).join("、"),
                  },
                  {
                    title: t("innovation.project.status"),
                    key: "status",
                    render: (_, p) => <Tag>{tEnum("innovation.projectStatus", p.status)}</Tag>,
                  },
                  { title: "", key: "at", render: (_, p) => fmt.date(p.createdAt), responsive: ["md"] },
                ]}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
