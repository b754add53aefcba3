import type { CapacityOrderStatus } from "@clusterbrain/contracts";
import { Tag } from "antd";
import { useI18n } from "../../i18n/i18n.context.tsx";

const COLORS: Record<CapacityOrderStatus, string> = {
  booked: "default",
  shipped: "blue",
  delivered: "green",
};

export function OrderStatusTag({ status }: { status: CapacityOrderStatus }) {
  const { tEnum } = useI18n();
  return (
    <Tag color={COLORS[status]} data-order-status={status}>
      {tEnum("cx.orderStatus", status)}
    </Tag>
  );
}
