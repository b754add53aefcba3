import {
  type ContactCreate,
  type ListingCreate,
  type ListingQuery,
  type MilestoneCreate,
  type ProjectCreate,
  type ProjectDocumentUpload,
  routeTable,
  routeUrl,
} from "@clusterbrain/contracts";
import { callRoute } from "../../shared/api/route.client.ts";

const r = routeTable.innovation;

/** The innovation hub's calls, typed from the route table. */
export const innovationApi = {
  listings: (query: Partial<ListingQuery>, signal?: AbortSignal) =>
    callRoute(r.listListings, { query }, signal),
  createListing: (body: ListingCreate) => callRoute(r.createListing, { body }),
  closeListing: (id: string) => callRoute(r.closeListing, { params: { id } }),
  matches: (id: string, signal?: AbortSignal) => callRoute(r.matches, { params: { id } }, signal),
  contacts: (signal?: AbortSignal) => callRoute(r.listContacts, {}, signal),
  contact: (body: ContactCreate) => callRoute(r.createContact, { body }),
  funnel: (signal?: AbortSignal) => callRoute(r.funnel, {}, signal),
  projects: (signal?: AbortSignal) => callRoute(r.listProjects, {}, signal),
  createProject: (body: ProjectCreate) => callRoute(r.createProject, { body }),
  project: (id: string, signal?: AbortSignal) => callRoute(r.getProject, { params: { id } }, signal),
  addMilestone: (id: string, body: MilestoneCreate) => callRoute(r.addMilestone, { params: { id }, body }),
  completeMilestone: (id: string, milestoneId: string) =>
    callRoute(r.completeMilestone, { params: { id, milestoneId } }),
  documents: (id: string, signal?: AbortSignal) => callRoute(r.listDocuments, { params: { id } }, signal),
  uploadDocument: (id: string, body: ProjectDocumentUpload) =>
    callRoute(r.uploadDocument, { params: { id }, body }),
  /** A plain link: the browser downloads with the session cookie. */
  documentUrl: (id: string, documentId: string) => routeUrl(r.downloadDocument, { id, documentId }),
};

/** Keywords typed as one line, split on commas (Chinese or English) and spaces. */
export function splitKeywords(line: string | undefined): string[] {
  return [
    ...new Set(
      (line ?? "")
        .split(/[,，、;；\s]+/)
        .map((k) => k.trim())
        .filter(Boolean),
    ),
  ].slice(0, 20);
}
