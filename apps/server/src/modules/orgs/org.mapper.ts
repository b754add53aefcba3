import type { OrgProfile, OrgPublic, OrgSummary } from "@clusterbrain/contracts";
import type { PrivateAccess } from "../../auth/policy.ts";
import type { NodeRef, OrgRow } from "./org.repository.ts";

export function toOrgPublic(row: OrgRow, nodes: NodeRef[]): OrgPublic {
  return {
    id: row.id,
    kind: row.kind,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    uscc: row.uscc,
    address: row.address,
    district: row.district,
    industryCode: row.industryCode,
    sizeBand: row.sizeBand,
    foundedYear: row.foundedYear,
    website: row.website,
    descriptionZh: row.descriptionZh,
    descriptionEn: row.descriptionEn,
    products: row.products,
    capabilities: row.capabilities,
    certifications: row.certifications,
    patents: row.patents,
    chainNodes: nodes,
  };
}

/** The profile with only the private parts the caller may see. */
export function toOrgProfile(
  row: OrgRow,
  nodes: NodeRef[],
  access: { equipment: PrivateAccess; contacts: PrivateAccess },
): OrgProfile {
  return {
    ...toOrgPublic(row, nodes),
    ...(access.equipment !== "none" ? { keyEquipment: row.keyEquipment } : {}),
    ...(access.contacts !== "none"
      ? { contact: { name: row.contactName, phone: row.contactPhone, email: row.contactEmail } }
      : {}),
    access,
  };
}

export function toOrgSummary(row: OrgRow, nodes: NodeRef[]): OrgSummary {
  return {
    id: row.id,
    kind: row.kind,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    district: row.district,
    industryCode: row.industryCode,
    sizeBand: row.sizeBand,
    products: row.products,
    chainNodeIds: nodes.map((n) => n.id),
  };
}
