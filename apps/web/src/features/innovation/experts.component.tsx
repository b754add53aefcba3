import type { ExpertMatch } from "@clusterbrain/contracts";
import { Card, Space, Tag, Typography } from "antd";
import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";

/** Experts (bookable resources) ranked for a demand, with why they fit and a link to book their time. */
export function ExpertMatches({ experts }: { experts: readonly ExpertMatch[] }) {
  const { t, tEnum, pick, fmt } = useI18n();
  if (experts.length === 0) return null;
  return (
    <div data-testid="innovation-experts">
      <Typography.Title level={5}>{t("innovation.experts.title")}</Typography.Title>
      {experts.map((m) => (
        <Card
          key={m.expert.resourceId}
          size="small"
          style={{ marginBottom: 8 }}
          data-testid="innovation-expert"
          data-resource-id={m.expert.resourceId}
          title={pick(m.expert.nameZh, m.expert.nameEn)}
          extra={
            <Link to={`/resources/${encodeURIComponent(m.expert.resourceId)}`}>
              {t("innovation.experts.book")}
            </Link>
          }
        >
          <Space direction="vertical" size={4}>
            <Typography.Text type="secondary">
              {pick(m.expert.orgNameZh, m.expert.orgNameEn)} ·{" "}
              {t("innovation.experts.price", { price: fmt.number(m.expert.pricePerHour) })} ·{" "}
              {t("innovation.experts.score", { score: fmt.number(Math.round(m.score * 100) / 100) })}
            </Typography.Text>
            <Space wrap size={4}>
              {m.reasons
                .filter((r) => r.contribution > 0)
                .map((r) => (
                  <Tag key={r.feature} color="blue">
                    {tEnum("innovation.feature", r.feature)}
                  </Tag>
                ))}
              {m.matchedTerms.map((term) => (
                <Tag key={term.term} color={term.viaSynonym ? "purple" : "default"}>
                  {term.query.join("/")}
                </Tag>
              ))}
            </Space>
          </Space>
        </Card>
      ))}
    </div>
  );
}
