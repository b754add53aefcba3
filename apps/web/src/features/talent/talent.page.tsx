import { Tabs, Typography } from "antd";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { canWriteIndicators } from "../../shared/auth/access.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { CompetitionsTab } from "./talent-competitions.component.tsx";
import { TalentPoolTab } from "./talent-pool.component.tsx";
import { SecondmentsTab } from "./talent-secondments.component.tsx";
import { StaffingTab } from "./talent-staffing.component.tsx";
import { StudiosTab } from "./talent-studios.component.tsx";

/** Talent sharing: the consent-gated pool, secondments between firms and skill competitions. */
export default function TalentPage() {
  const { t } = useI18n();
  const me = useMe();
  const canWrite = canWriteIndicators(me);
  return (
    <div data-testid="talent-page">
      <Typography.Title level={3}>{t("talent.title")}</Typography.Title>
      <Tabs
        items={[
          { key: "pool", label: t("talent.tabPool"), children: <TalentPoolTab canWrite={canWrite} /> },
          { key: "secondments", label: t("talent.tabSecondments"), children: <SecondmentsTab /> },
          { key: "staffing", label: t("talent.tabStaffing"), children: <StaffingTab canWrite={canWrite} /> },
          { key: "studios", label: t("talent.tabStudios"), children: <StudiosTab canWrite={canWrite} /> },
          {
            key: "competitions",
            label: t("talent.tabCompetitions"),
            children: <CompetitionsTab canWrite={canWrite} />,
          },
        ]}
      />
    </div>
  );
}
