import type { MachineStateName } from "@clusterbrain/contracts";
import { Tag } from "antd";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { isMessageKey } from "../../i18n/translate.ts";
import { DataText } from "../../shared/ui/data-text.component.tsx";

export const STATE_COLOURS: Record<MachineStateName, string> = {
  running: "green",
  idle: "gold",
  setup: "blue",
  down: "red",
  planned_stop: "default",
};

/** A machine state as a coloured tag (grey "no data" before the first reading). */
export function StateTag({ state }: { state: MachineStateName | null }) {
  const { t, tEnum } = useI18n();
  if (state === null) return <Tag data-testid="oee-state">{t("oee.state.none")}</Tag>;
  return (
    <Tag color={STATE_COLOURS[state]} data-testid="oee-state" data-state={state}>
      {tEnum("oee.state", state)}
    </Tag>
  );
}

/** A reason code: translated when it is a known code, else shown as the device or person wrote it. */
export function ReasonText({ reason }: { reason: string }) {
  const { tEnum } = useI18n();
  if (reason === "") return <span>—</span>;
  return isMessageKey(`oee.reason.${reason}`) ? (
    <span data-reason={reason}>{tEnum("oee.reason", reason)}</span>
  ) : (
    <span data-reason={reason}>
      <DataText text={reason} />
    </span>
  );
}

/** A ratio as a percentage with one decimal, or a dash. */
export function percent(x: number | null | undefined): string {
  return x === null || x === undefined ? "—" : `${(Math.round(x * 1000) / 10).toFixed(1)} %`;
}
