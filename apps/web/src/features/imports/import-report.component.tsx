import { DownloadOutlined } from "@ant-design/icons";
import type { ImportIssue, ImportReport } from "@clusterbrain/contracts";
import { Alert, Button, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from "antd";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { langOf } from "../../i18n/locale-format.ts";
import { downloads } from "../../shared/api/endpoints.ts";

/** Counts, then every bad cell by row and column, as the server reported them. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t, tEnum, fmt, locale } = useI18n();
  const stat = (testId: string, title: string, value: number) => (
    <Col xs={12} md={6}>
      <Statistic title={title} value={value} data-testid={testId} />
    </Col>
  );
  return (
    <Card
      size="small"
      title={report.dryRun ? t("imports.reportDry") : t("imports.report")}
      data-testid="import-report"
      extra={
        <Space wrap>
          {report.historyId !== undefined && report.issues.length > 0 && (
            <Button
              size="small"
              icon={<DownloadOutlined />}
              href={downloads.importReport(report.historyId, langOf(locale))}
              download
              data-testid="import-report-download"
            >
              {t("imports.downloadReport")}
            </Button>
          )}
          <Tag color={report.committed ? "green" : "default"} data-testid="import-committed">
            {report.committed ? t("imports.committed") : t("imports.notCommitted")}
          </Tag>
        </Space>
      }
    >
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {stat("import-total", t("imports.total"), report.totalRows)}
        {stat("import-valid", t("imports.valid"), report.validRows)}
        {stat("import-invalid", t("imports.invalid"), report.invalidRows)}
        {stat("import-written", t("imports.written"), report.written)}
      </Row>
      {report.ignoredColumns.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("imports.ignored", { columns: fmt.list(report.ignoredColumns) })}
        />
      )}
      <Table<ImportIssue>
        size="small"
        data-testid="import-issues"
        rowKey={(i) => `${i.row}:${i.column}:${i.code}`}
        dataSource={report.issues}
        locale={{ emptyText: t("imports.noIssues") }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t("imports.row"), dataIndex: "row", key: "row", width: 80 },
          {
            title: t("imports.column"),
            dataIndex: "column",
            key: "column",
            width: 160,
            render: (c: string) => (
              <>
                {tEnum("importLabel", c)} <Typography.Text code>{c}</Typography.Text>
              </>
            ),
          },
          {
            title: t("imports.problem"),
            key: "problem",
            render: (_, i) => (
              <>
                <Tag color={i.severity === "warning" ? "orange" : "red"}>{tEnum("importIssue", i.code)}</Tag>
                {fmt.server(i)}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
