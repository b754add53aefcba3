import type { ImportIssue, ImportReport } from "@clusterbrain/contracts";
import { Alert, Card, Col, Row, Statistic, Table, Tag, Typography } from "antd";
import { useI18n } from "../../i18n/i18n.context.tsx";

/** Counts, then every bad cell by row and column, as the server reported them. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t, tEnum } = useI18n();
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
        <Tag color={report.committed ? "green" : "default"} data-testid="import-committed">
          {report.committed ? t("imports.committed") : t("imports.notCommitted")}
        </Tag>
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
          title={t("imports.ignored", { columns: report.ignoredColumns.join(", ") })}
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
            render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
          },
          {
            title: t("imports.problem"),
            key: "problem",
            render: (_, i) => (
              <>
                <Tag color="red">{tEnum("importIssue", i.code)}</Tag>
                {i.message}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
