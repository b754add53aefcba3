import type { Device, Line, Machine, Site, Tag } from "@clusterbrain/contracts";
import type { DeviceRow, LineRow, MachineRow, SiteRow, TagRow } from "./asset.repository.ts";

export const toSite = (r: SiteRow): Site => ({ id: r.id, name: r.name, location: r.location });
export const toLine = (r: LineRow): Line => ({ id: r.id, siteId: r.siteId, name: r.name });
export const toMachine = (r: MachineRow): Machine => ({
  id: r.id,
  lineId: r.lineId,
  name: r.name,
  processType: r.processType,
});
export const toDevice = (r: DeviceRow, username: string | null): Device => ({
  id: r.id,
  machineId: r.machineId,
  name: r.name,
  online: r.online,
  lastSeenAt: r.lastSeenAt?.toISOString() ?? null,
  connectionChangedAt: r.connectionChangedAt?.toISOString() ?? null,
  username,
});
export const toTag = (r: TagRow): Tag => ({
  id: r.id,
  deviceId: r.deviceId,
  key: r.key,
  unit: r.unit,
  dataType: r.dataType,
  low: r.low,
  high: r.high,
  samplingMs: r.samplingMs,
  spc: r.spc,
});
