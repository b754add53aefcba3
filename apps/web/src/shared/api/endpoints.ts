import {
  type AccessRequestApprove,
  type AccessRequestCreate,
  type AccessRequestDecline,
  type AssetImportRequest,
  type AuditExportQuery,
  type AuditQuery,
  type ConnectionInputRequest,
  type DeviceInput,
  type GrantCreateRequest,
  type ImportEntity,
  type ImportRequest,
  type IndicatorUpsertRequest,
  type InvitationAcceptRequest,
  type InvitationCreateRequest,
  type JobListQuery,
  type LineInput,
  type LoginRequest,
  type MachineInput,
  type MemberAddRequest,
  type MemberRoleUpdateRequest,
  type OrgSearchQuery,
  type OrgUpdateRequest,
  type RangeQuery,
  routeTable,
  routeUrl,
  type SiteInput,
  type StartJobBody,
  type StatsOverviewQuery,
  type SwitchOrgRequest,
  type TagInputRequest,
} from "@clusterbrain/contracts";
import { callRoute } from "./route.client.ts";

// Friendly wrappers over the route table: paths, methods and answer types all come from
// packages/contracts/src/routes; nothing here names a path.
const r = routeTable;

/** The server-push stream (EventSource needs a URL, not a call). */
export const liveUrl = routeUrl(r.live.stream);

/** The live stream carrying points of these telemetry tags (and every other topic). */
export function liveUrlFor(telemetryTags: readonly string[]): string {
  return telemetryTags.length
    ? `${liveUrl}?telemetryTags=${telemetryTags.map(encodeURIComponent).join(",")}`
    : liveUrl;
}

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
    putIndicators: (id: string, body: IndicatorUpsertRequest) =>
      callRoute(r.indicators.upsert, { params: { id }, body }),
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
    overview: (query: StatsOverviewQuery, signal?: AbortSignal) =>
      callRoute(r.stats.overview, { query }, signal),
    benchmarks: (orgId: string, signal?: AbortSignal) =>
      callRoute(r.stats.benchmarks, { params: { id: orgId } }, signal),
  },
  grants: {
    list: (signal?: AbortSignal) => callRoute(r.grants.list, {}, signal),
    create: (body: GrantCreateRequest) => callRoute(r.grants.create, { body }),
    revoke: (id: string, reason?: string) =>
      callRoute(r.grants.revoke, { params: { id }, body: reason ? { reason } : {} }),
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
  connections: {
    list: (signal?: AbortSignal) => callRoute(r.connections.list, {}, signal),
    create: (body: ConnectionInputRequest) => callRoute(r.connections.create, { body }),
    update: (id: string, body: ConnectionInputRequest) =>
      callRoute(r.connections.update, { params: { id }, body }),
    remove: (id: string) => callRoute(r.connections.remove, { params: { id } }),
    browse: (id: string, nodeId?: string) =>
      callRoute(r.connections.browse, { params: { id }, body: { nodeId } }),
    trust: (signal?: AbortSignal) => callRoute(r.connections.trust, {}, signal),
    addTrust: (pem: string) => callRoute(r.connections.addTrust, { body: { pem } }),
    serverCertificate: (endpointUrl: string) =>
      callRoute(r.connections.serverCertificate, { body: { endpointUrl } }),
  },
  telemetry: {
    tree: (signal?: AbortSignal) => callRoute(r.telemetry.tree, {}, signal),
    importAssets: (body: AssetImportRequest) => callRoute(r.telemetry.importAssets, { body }),
    createSite: (body: SiteInput) => callRoute(r.telemetry.createSite, { body }),
    createLine: (body: LineInput) => callRoute(r.telemetry.createLine, { body }),
    createMachine: (body: MachineInput) => callRoute(r.telemetry.createMachine, { body }),
    createDevice: (body: DeviceInput) => callRoute(r.telemetry.createDevice, { body }),
    createTag: (body: TagInputRequest) => callRoute(r.telemetry.createTag, { body }),
    remove: (kind: "site" | "line" | "machine" | "device" | "tag", id: string) => {
      const route = {
        site: r.telemetry.deleteSite,
        line: r.telemetry.deleteLine,
        machine: r.telemetry.deleteMachine,
        device: r.telemetry.deleteDevice,
        tag: r.telemetry.deleteTag,
      }[kind];
      return callRoute(route, { params: { id } });
    },
    issueCredential: (deviceId: string) =>
      callRoute(r.telemetry.issueCredential, { params: { id: deviceId } }),
    revokeCredential: (deviceId: string) =>
      callRoute(r.telemetry.revokeCredential, { params: { id: deviceId } }),
    tagLatest: (id: string, signal?: AbortSignal) =>
      callRoute(r.telemetry.tagLatest, { params: { id } }, signal),
    tagRange: (id: string, query: Partial<RangeQuery>, signal?: AbortSignal) =>
      callRoute(r.telemetry.tagRange, { params: { id }, query }, signal),
  },
  accessRequests: {
    list: (signal?: AbortSignal) => callRoute(r.accessRequests.list, {}, signal),
    create: (body: AccessRequestCreate) => callRoute(r.accessRequests.create, { body }),
    approve: (id: string, body: AccessRequestApprove) =>
      callRoute(r.accessRequests.approve, { params: { id }, body }),
    decline: (id: string, body: AccessRequestDecline) =>
      callRoute(r.accessRequests.decline, { params: { id }, body }),
  },
  notifications: {
    list: (signal?: AbortSignal) => callRoute(r.notifications.list, {}, signal),
    read: (id: string) => callRoute(r.notifications.read, { params: { id } }),
    readAll: () => callRoute(r.notifications.readAll, {}),
  },
};
