import { PlayCircleOutlined } from "@ant-design/icons";
import type { InventoryPolicyResult, InventoryTarget } from "@clusterbrain/contracts";
import { Alert, Button, InputNumber, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { planningApi } from "./planning.api.ts";

/** Inventory policy per item: (s, Q) and (R, S) for a service target, with fill rate and annual cost. */
export function InventoryTab() {
  const { t, fmt } = useI18n();
  const [target, setTarget] = useState<InventoryTarget>("fill");
  const [level, setLevel] = useState(98);
  const [orderingCost, setOrderingCost] = useState(100);
  const [holdingCost, setHoldingCost] = useState(1);
  const [result, setResult] = useState<InventoryPolicyResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const n = (v: number) => fmt.number(v, 0);
  const pct = (v: number) => `${fmt.number(v * 100, 2)} %`;

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await planningApi.inventoryPolicy({ target, level: level / 100, orderingCost, holdingCost }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="planning-inventory">
      <Space style={{ marginBottom: 16 }} wrap>
        {t("planning.inv.target")}
        <Select
          value={target}
          onChange={setTarget}
          style={{ width: 160 }}
          options={[
            { value: "fill", label: t("planning.inv.targetFill") },
            { value: "cycle", label: t("planning.inv.targetCycle") },
          ]}
        />
        <InputNumber
          min={50.1}
          max={99.99}
          step={0.5}
          value={level}
          onChange={(v) => setLevel(v ?? 98)}
          addonAfter="%"
        />
        {t("planning.inv.orderingCost")}
        <InputNumber min={0.01} value={orderingCost} onChange={(v) => setOrderingCost(v ?? 100)} />
        {t("planning.inv.holdingCost")}
        <InputNumber min={0.01} value={holdingCost} onChange={(v) => setHoldingCost(v ?? 1)} />
        <Button
          type="primary"
          icon={<PlayCircleOutlined />}
          loading={busy}
          onClick={run}
          data-testid="planning-run-inventory"
        >
          {t("planning.inv.run")}
        </Button>
      </Space>
      {error !== null && <ErrorAlert error={error} />}
      {result && result.skipped.length > 0 && (
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          message={t("planning.inv.skipped", { items: fmt.list(result.skipped.map((s) => s.item)) })}
        />
      )}
      {result && (
        <Table
          data-testid="planning-inventory-table"
          size="small"
          rowKey="item"
          dataSource={result.items}
          scroll={{ x: true }}
          columns={[
            { title: t("planning.item"), dataIndex: "item", key: "item" },
            { title: t("planning.inv.position"), key: "pos", render: (_, p) => n(p.inventoryPosition) },
            { title: t("planning.inv.errorSd"), key: "sd", render: (_, p) => n(p.errorSdPerPeriod) },
            { title: "s", key: "s", render: (_, p) => n(p.sQ.reorderPoint) },
            { title: "Q", key: "q", render: (_, p) => n(p.sQ.orderQuantity) },
            { title: t("planning.inv.safetyStock"), key: "ss", render: (_, p) => n(p.sQ.safetyStock) },
            { title: t("planning.inv.fillRate"), key: "fr", render: (_, p) => pct(p.sQ.expectedFillRate) },
            { title: t("planning.inv.costSq"), key: "csq", render: (_, p) => n(p.sQ.expectedAnnualCost) },
            { title: "R", key: "r", render: (_, p) => p.RS.reviewPeriods },
            { title: "S", key: "S", render: (_, p) => n(p.RS.orderUpTo) },
            { title: t("planning.inv.costRs"), key: "crs", render: (_, p) => n(p.RS.expectedAnnualCost) },
            {
              title: t("planning.inv.status"),
              key: "now",
              render: (_, p) =>
                p.reorderNow ? <Tag color="orange">{t("planning.inv.reorderNow")}</Tag> : "–",
            },
          ]}
        />
      )}
    </div>
  );
}
