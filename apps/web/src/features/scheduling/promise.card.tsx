import type { PromiseResult } from "@clusterbrain/contracts";
import { Button, Card, Input, InputNumber, Space, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { schedulingApi } from "./scheduling.api.ts";

/** Capable-to-promise: the earliest date a new order can be complete, and what binds it. */
export function PromiseCard() {
  const { t, tEnum } = useI18n();
  const [item, setItem] = useState("");
  const [quantity, setQuantity] = useState(1000);
  const [result, setResult] = useState<PromiseResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const ask = async () => {
    setError(null);
    try {
      setResult(await schedulingApi.promise(item, quantity));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Card size="small" title={t("scheduling.promise")}>
      <Space wrap>
        <Input
          data-testid="promise-item"
          placeholder={t("scheduling.item")}
          value={item}
          onChange={(e) => setItem(e.target.value)}
          style={{ width: 180 }}
        />
        {t("scheduling.quantity")}
        <InputNumber min={1} value={quantity} onChange={(v) => setQuantity(v ?? 1)} />
        <Button onClick={ask} disabled={!item} data-testid="promise-ask">
          {t("scheduling.ask")}
        </Button>
      </Space>
      {error !== null && <ErrorAlert error={error} />}
      {result && (
        <Typography.Paragraph data-testid="promise-result" data-date={result.date} style={{ marginTop: 8 }}>
          {t("scheduling.promiseResult", { date: result.date })} ·{" "}
          {tEnum("scheduling.binding", result.binding.kind).replace("{code}", result.binding.code)} (
          {result.binding.reason})
        </Typography.Paragraph>
      )}
    </Card>
  );
}
