import type { LocalizedItem, OrgProfile, OrgUpdateRequest, SizeBand } from "@clusterbrain/contracts";

/** Flat form values: bilingual lists are edited as text, one "中文 | English" pair per line. */
export interface MyOrgFormValues {
  nameZh: string;
  nameEn: string;
  uscc: string;
  address: string;
  district: string;
  industryCode: string;
  sizeBand: SizeBand;
  foundedYear: number | null;
  website: string;
  descriptionZh: string;
  descriptionEn: string;
  products: string;
  capabilities: string;
  certifications: string[];
  chainNodeIds: string[];
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

const SEPARATOR = " | ";

export function itemsToLines(items: readonly LocalizedItem[]): string {
  return items.map((i) => (i.en === "" ? i.zh : `${i.zh}${SEPARATOR}${i.en}`)).join("\n");
}

/** One item per non-empty line; a missing English half stays empty rather than copying the Chinese. */
export function linesToItems(text: string): LocalizedItem[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => {
      const cut = line.indexOf("|");
      if (cut < 0) return { zh: line, en: "" };
      return { zh: line.slice(0, cut).trim(), en: line.slice(cut + 1).trim() };
    });
}

export function profileToForm(org: OrgProfile): MyOrgFormValues {
  return {
    nameZh: org.nameZh,
    nameEn: org.nameEn,
    uscc: org.uscc ?? "",
    address: org.address,
    district: org.district,
    industryCode: org.industryCode,
    sizeBand: org.sizeBand,
    foundedYear: org.foundedYear,
    website: org.website,
    descriptionZh: org.descriptionZh,
    descriptionEn: org.descriptionEn,
    products: itemsToLines(org.products),
    capabilities: itemsToLines(org.capabilities),
    certifications: [...org.certifications],
    chainNodeIds: org.chainNodes.map((n) => n.id),
    contactName: org.contact?.name ?? "",
    contactPhone: org.contact?.phone ?? "",
    contactEmail: org.contact?.email ?? "",
  };
}

/**
 * The PATCH body. The USCC is sent only when filled in (non-firms may have none); contact details
 * only when the caller could see them, so saving never blanks data that was hidden from the form.
 */
export function formToUpdate(values: MyOrgFormValues, includeContact: boolean): OrgUpdateRequest {
  const body: OrgUpdateRequest = {
    nameZh: values.nameZh.trim(),
    nameEn: values.nameEn.trim(),
    address: values.address.trim(),
    district: values.district.trim(),
    industryCode: values.industryCode.trim(),
    sizeBand: values.sizeBand,
    foundedYear: values.foundedYear ?? null,
    website: values.website.trim(),
    descriptionZh: values.descriptionZh.trim(),
    descriptionEn: values.descriptionEn.trim(),
    products: linesToItems(values.products),
    capabilities: linesToItems(values.capabilities),
    certifications: values.certifications.map((c) => c.trim()).filter((c) => c !== ""),
    chainNodeIds: values.chainNodeIds,
  };
  const uscc = values.uscc.trim().toUpperCase();
  if (uscc !== "") body.uscc = uscc;
  if (includeContact) {
    body.contact = {
      name: values.contactName.trim(),
      phone: values.contactPhone.trim(),
      email: values.contactEmail.trim(),
    };
  }
  return body;
}
