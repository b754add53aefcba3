import type { AuditEntry } from "@clusterbrain/contracts";
import ExcelJS from "exceljs";
import { addSheet, type Cell } from "../imports/sheet.writer.ts";
import { auditActionName } from "./audit.labels.ts";

type Lang = "zh" | "en";

const HEADERS: Record<Lang, string[]> = {
  zh: ["时间", "操作人", "操作人所属组织", "操作", "所涉组织", "对象", "变更字段"],
  en: ["Time", "By", "Their organisation", "Action", "Organisation", "Target", "Changed fields"],
};

/** "2026-12-07 11:45:00" in the cluster's time zone (UTC+8), unambiguous in both languages. */
function clusterTime(iso: string): string {
  const local = new Date(new Date(iso).getTime() + 8 * 3600 * 1000);
  return local.toISOString().slice(0, 19).replace("T", " ");
}

function changedFields(e: AuditEntry): string {
  const keys = (v: unknown) => (v !== null && typeof v === "object" ? Object.keys(v) : []);
  return [...new Set([...keys(e.before), ...keys(e.after)])].join(", ");
}

/** One row per entry, with names instead of ids and readable action names in `lang`. */
export function auditRows(entries: AuditEntry[], lang: Lang): Cell[][] {
  const pick = (zh: string | null, en: string | null) => (lang === "en" ? (en ?? zh) : (zh ?? en));
  const system = lang === "en" ? "System" : "系统";
  return entries.map((e) => [
    clusterTime(e.at),
    e.actorUserId === null ? system : `${e.actorName ?? ""} <${e.actorEmail ?? e.actorUserId}>`,
    pick(e.actorOrgNameZh, e.actorOrgNameEn) ?? e.actorOrgId,
    auditActionName(e.action, lang),
    pick(e.orgNameZh, e.orgNameEn) ?? e.orgId,
    `${e.entity} · ${e.entityId}`,
    changedFields(e),
  ]);
}

export async function auditWorkbook(entries: AuditEntry[], lang: Lang, now: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Cluster Brain 产业集群大脑";
  workbook.created = now;
  addSheet(workbook, lang === "en" ? "Audit log" : "审计日志", HEADERS[lang], auditRows(entries, lang));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
