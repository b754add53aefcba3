import type { BilingualName } from "@clusterbrain/contracts";

/**
 * Readable names of audit actions for exports (the web has the same names in its message files,
 * `auditAction.*`). An action not listed here is shown by its code.
 */
export const AUDIT_ACTION_NAMES: Readonly<Record<string, BilingualName>> = {
  "org.create": { zh: "登记组织", en: "Organisation registered" },
  "org.update": { zh: "修改组织资料", en: "Organisation profile edited" },
  "org.import": { zh: "导入组织", en: "Organisation imported" },
  "relation.create": { zh: "新增供需关系", en: "Supply relation added" },
  "relation.delete": { zh: "删除供需关系", en: "Supply relation deleted" },
  "relation.import": { zh: "导入供需关系", en: "Supply relation imported" },
  "indicators.upsert": { zh: "填报年度指标", en: "Annual indicators saved" },
  "grant.create": { zh: "授予数据共享", en: "Data grant given" },
  "grant.revoke": { zh: "撤销数据共享", en: "Data grant revoked" },
  "grant.read": { zh: "经授权读取数据", en: "Data read through a grant" },
  "membership.create": { zh: "添加成员", en: "Member added" },
  "membership.update": { zh: "变更成员角色", en: "Member role changed" },
  "membership.delete": { zh: "移除成员", en: "Member removed" },
  "invitation.create": { zh: "发出邀请", en: "Invitation sent" },
  "invitation.accept": { zh: "接受邀请", en: "Invitation accepted" },
  "invitation.revoke": { zh: "撤回邀请", en: "Invitation withdrawn" },
  "demo.load": { zh: "载入演示数据", en: "Demo data loaded" },
};

export function auditActionName(action: string, lang: "zh" | "en"): string {
  return AUDIT_ACTION_NAMES[action]?.[lang] ?? action;
}
