import type { EligibilityReason, PolicyNotice } from "@clusterbrain/contracts";
import { Card, List, Segmented, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { eventsApi } from "./events.api.ts";

/** Policy and funding notices: by default those my org is eligible for, each with its reasons. */
export default function PoliciesPage() {
  const { t, tEnum, pick, fmt } = useI18n();
  const [show, setShow] = useState<"eligible" | "all">("eligible");
  const list = useApi((signal) => eventsApi.policies({ show }, signal), [show]);

  const value = (r: EligibilityReason, v: string) => {
    if (v === "") return t("policies.none");
    if (r.criterion === "size") return tEnum("size", v);
    if (r.criterion === "district") return fmt.district(v);
    return v;
  };
  const reason = (r: EligibilityReason) =>
    t("policies.reason", {
      criterion: tEnum("policies.criterion", r.criterion),
      required: fmt.list(r.required.map((v) => value(r, v))),
      actual: value(r, r.actual),
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="policies-page">
      <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("policies.title")}
        </Typography.Title>
        <Segmented<"eligible" | "all">
          value={show}
          onChange={setShow}
          options={[
            { value: "eligible", label: t("policies.showEligible") },
            { value: "all", label: t("policies.showAll") },
          ]}
        />
      </Space>
      {list.error !== null && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <List<PolicyNotice>
        data-testid="policies-list"
        data-loaded={list.loading ? "false" : "true"}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t("policies.empty") }}
        renderItem={(p) => (
          <List.Item key={p.id} data-testid="policy-item" data-eligible={p.eligible ? "true" : "false"}>
            <Card size="small" style={{ width: "100%" }} title={pick(p.titleZh, p.titleEn)}>
              <Space orientation="vertical" size={4} style={{ width: "100%" }}>
                <Space wrap>
                  <Tag color={p.eligible ? "green" : "default"} data-testid="policy-eligible">
                    {p.eligible ? t("policies.eligible") : t("policies.notEligible")}
                  </Tag>
                  <Typography.Text type="secondary">
                    {t("policies.issuer")}: {pick(p.issuerNameZh, p.issuerNameEn)}
                  </Typography.Text>
                  {p.deadline && <Tag>{t("policies.deadline", { date: p.deadline })}</Tag>}
                </Space>
                <Typography.Paragraph style={{ marginBottom: 0 }}>{p.summary}</Typography.Paragraph>
                {p.funding && (
                  <Typography.Text>
                    {t("policies.funding")}: {p.funding}
                  </Typography.Text>
                )}
                {p.reasons.length === 0 ? (
                  <Typography.Text type="secondary">{t("policies.openToAll")}</Typography.Text>
                ) : (
                  <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="policy-reasons">
                    {p.reasons.map((r) => (
                      <li key={r.criterion} style={{ color: r.met ? "#389e0d" : "#cf1322" }}>
                        {r.met ? "✓ " : "✗ "}
                        {reason(r)}
                      </li>
                    ))}
                  </ul>
                )}
              </Space>
            </Card>
          </List.Item>
        )}
      />
    </Space>
  );
}
