import { routeTable, routeUrl } from "@clusterbrain/contracts";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { callRoute } from "../../shared/api/route.client.ts";
import { ReportJobButton } from "../../shared/ui/report-job-button.component.tsx";

/** "Generate report": the year's cluster report (operator) or firm report (a firm), PDF and .xlsx. */
export function GrowthReportButton({ year }: { year: number | undefined }) {
  const { t } = useI18n();
  return (
    <ReportJobButton
      start={() => callRoute(routeTable.growth.startReport, { body: { year } })}
      files={(id) => ({
        pdf: routeUrl(routeTable.growth.reportPdf, { id }),
        xlsx: routeUrl(routeTable.growth.reportXlsx, { id }),
      })}
      label={t("growth.report.generate")}
      testId="growth-report"
    />
  );
}
