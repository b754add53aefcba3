import type { TraceEvent } from "@clusterbrain/contracts";

/** One line saying what an event is about (lot, device or shipment), from its signed payload. */
export function eventSubject(e: Pick<TraceEvent, "type" | "payload">): string {
  const p = e.payload;
  const str = (k: string) => (typeof p[k] === "string" ? (p[k] as string) : "");
  const refs = (k: string) =>
    Array.isArray(p[k])
      ? (p[k] as { orgId?: string; lot?: string }[]).map((x) => `${x.orgId ?? ""}/${x.lot ?? ""}`)
      : [];
  switch (e.type) {
    case "material-lot":
      return `${str("lot")} · ${str("material")} ${String(p.quantity ?? "")} ${str("unit")}`.trim();
    case "production-lot":
      return `${str("lot")} · ${str("product")} ← ${refs("inputs").join(", ")}`;
    case "device":
      return `${str("udi")} ← ${str("productionLot")}`;
    case "shipment": {
      const udis = Array.isArray(p.udis) ? p.udis.length : 0;
      const lots = refs("lots").length;
      return `${str("shipment")} → ${str("toOrgId")} (${udis + lots})`;
    }
    default:
      return "";
  }
}
