import type { ShipmentStatus } from "@clusterbrain/contracts";
import { Tag } from "antd";
import { useI18n } from "../../i18n/i18n.context.tsx";

const COLORS: Record<ShipmentStatus, string> = {
  created: "default",
  picked_up: "blue",
  in_transit: "blue",
  at_hub: "cyan",
  out_for_delivery: "geekblue",
  delivered: "green",
  exception: "orange",
};

export function StatusTag({ status }: { status: ShipmentStatus }) {
  const { tEnum } = useI18n();
  return (
    <Tag color={COLORS[status]} data-status={status}>
      {tEnum("logistics.status", status)}
    </Tag>
  );
}

/** Red "late" tag when a shipment is past its ETA and not delivered; nothing otherwise. */
export function LateTag({ late }: { late: boolean }) {
  const { t } = useI18n();
  return late ? (
    <Tag color="red" data-testid="shipment-late">
      {t("logistics.late")}
    </Tag>
  ) : null;
}
