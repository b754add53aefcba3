import {
  type AuditExportQuery,
  type AuditQuery,
  type GrantCreateRequest,
  type ImportEntity,
  type ImportRequest,
  type InvitationAcceptRequest,
  type InvitationCreateRequest,
  type JobListQuery,
  type LoginRequest,
  type MemberAddRequest,
  type MemberRoleUpdateRequest,
  type OrgSearchQuery,
  type OrgUpdateRequest,
  routeTable,
  routeUrl,
  type StartJobBody,
  type SwitchOrgRequest,
} from "@clusterbrain/contracts";
import { callRoute } from "./route.client.ts";

// Friendly wrappers over the route table: paths, methods and answer types all come from
// packages/contracts/src/routes; nothing here names a path.
const r = routeTable;

/** The server-push stream (EventSource needs a URL, not a call). */
export const liveUrl = routeUrl(r.live.stream);

/** Download links (plain GETs with the session cookie; the server answers an .xlsx attachment). */
export const downloads = {
  directory: routeUrl(r.imports.exportDirectory),
  myOrg: routeUrl(r.imports.exportMyOrg),
  importTemplate: (entity: ImportEntity, lang: "zh" | "en") =>
    `${routeUrl(r.imports.templateXlsx, { entity })}?lang=${lang}`,
  importReport: (historyId: string, lang: "zh" | "en") =>
    `${routeUrl(r.imports.historyReport, { id: historyId })}?lang=${lang}`,
  /** The audit log as filtered on screen (no paging). */
  audit: (query: Omit<AuditExportQuery, "lang">, lang: "zh" | "en") => {
    const params = new URLSearchParams({ lang });
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    return `${routeUrl(r.audit.export)}?${params.toString()}`;
  },
};

export const api = {
  auth: {
    login: (body: LoginRequest) => callRoute(r.auth.login, { body }),
    logout: () => callRoute(r.auth.logout, {}),
    me: (signal?: AbortSignal) => callRoute(r.auth.me, {}, signal),
    demoAccounts: (signal?: AbortSignal) => callRoute(r.auth.demoAccounts, {}, signal),
  },
  orgs: {
    search: (query: Partial<OrgSearchQuery>, signal?: AbortSignal) =>
      callRoute(r.orgs.search, { query }, signal),
    facets: (signal?: AbortSignal) => callRoute(r.orgs.facets, {}, signal),
    get: (id: string, signal?: AbortSignal) => callRoute(r.orgs.get, { params: { id } }, signal),
    update: (id: string, body: OrgUpdateRequest) => callRoute(r.orgs.update, { params: { id }, body }),
    indicators: (id: string) => callRoute(r.indicators.list, { params: { id } }),
    relations: (id: string) => callRoute(r.chain.orgRelations, { params: { id } }),
  },
  chain: {
    map: (signal?: AbortSignal) => callRoute(r.chain.map, {}, signal),
    nodes: (signal?: AbortSignal) => callRoute(r.chain.nodes, {}, signal),
    nodeOrgs: (id: string, signal?: AbortSignal) => callRoute(r.chain.nodeOrgs, { params: { id } }, signal),
  },
  stats: {
    firmsPerNode: (signal?: AbortSignal) => callRoute(r.stats.firmsPerNode, {}, signal),
    indicators: (signal?: AbortSignal) => callRoute(r.stats.indicators, {}, signal),
    districts: (signal?: AbortSignal) => callRoute(r.stats.districts, {}, signal),
  },
  grants: {
    list: (signal?: AbortSignal) => callRoute(r.grants.list, {}, signal),
    create: (body: GrantCreateRequest) => callRoute(r.grants.create, { body }),
    revoke: (id: string) => callRoute(r.grants.revoke, { params: { id } }),
  },
  imports: {
    run: (body: ImportRequest) => callRoute(r.imports.run, { body }),
    template: (entity: ImportEntity, signal?: AbortSignal) =>
      callRoute(r.imports.template, { params: { entity } }, signal),
    history: (page: number, signal?: AbortSignal) =>
      callRoute(r.imports.history, { query: { page, pageSize: 10 } }, signal),
  },
  members: {
    list: (orgId: string, signal?: AbortSignal) =>
      callRoute(r.orgs.members, { params: { id: orgId } }, signal),
    add: (body: MemberAddRequest) => callRoute(r.members.add, { body }),
    setRole: (userId: string, body: MemberRoleUpdateRequest) =>
      callRoute(r.members.setRole, { params: { id: userId }, body }),
    remove: (userId: string) => callRoute(r.members.remove, { params: { id: userId } }),
  },
  accounts: {
    memberships: (signal?: AbortSignal) => callRoute(r.accounts.memberships, {}, signal),
    switchOrg: (body: SwitchOrgRequest) => callRoute(r.accounts.switchOrg, { body }),
  },
  invitations: {
    list: (signal?: AbortSignal) => callRoute(r.invitations.list, {}, signal),
    create: (body: InvitationCreateRequest) => callRoute(r.invitations.create, { body }),
    revoke: (id: string) => callRoute(r.invitations.revoke, { params: { id } }),
    preview: (token: string, signal?: AbortSignal) =>
      callRoute(r.invitations.preview, { params: { token } }, signal),
    accept: (token: string, body: InvitationAcceptRequest) =>
      callRoute(r.invitations.accept, { params: { token }, body }),
  },
  audit: {
    page: (query: Partial<AuditQuery>, signal?: AbortSignal) => callRoute(r.audit.page, { query }, signal),
  },
  jobs: {
    start: (body: StartJobBody) => callRoute(r.jobs.start, { body }),
    list: (query: Partial<JobListQuery>, signal?: AbortSignal) => callRoute(r.jobs.list, { query }, signal),
    get: (id: string, signal?: AbortSignal) => callRoute(r.jobs.get, { params: { id } }, signal),
    cancel: (id: string) => callRoute(r.jobs.cancel, { params: { id } }),
  },
};
