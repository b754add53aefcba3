import type {
  AuditPage,
  AuditQuery,
  ChainMapResponse,
  ChainNode,
  ChainNodeOrgsResponse,
  ClusterIndicators,
  DemoAccountsResponse,
  FirmsPerDistrict,
  FirmsPerNode,
  Grant,
  GrantCreateRequest,
  GrantList,
  ImportEntity,
  ImportReport,
  ImportRequest,
  ImportTemplate,
  IndicatorList,
  Invitation,
  InvitationAcceptRequest,
  InvitationCreated,
  InvitationCreateRequest,
  InvitationList,
  InvitationPreview,
  LoginRequest,
  LoginResponse,
  MemberAddRequest,
  MemberList,
  MemberResult,
  MemberRoleUpdateRequest,
  MembershipList,
  MeResponse,
  Ok,
  OrgFacets,
  OrgProfile,
  OrgSearchQuery,
  OrgSearchResponse,
  OrgUpdateRequest,
  RelationList,
  SwitchOrgRequest,
} from "@clusterbrain/contracts";

import { http, type Query } from "./http.client.ts";

// Typed wrappers over the /api/v1 routes listed in docs/api.md; types come from the contracts package.
const V1 = "/api/v1";
const enc = encodeURIComponent;

/** Download links (plain GETs with the session cookie; the server answers an .xlsx attachment). */
export const downloads = {
  directory: `${V1}/exports/directory`,
  myOrg: `${V1}/exports/my-org`,
};

export const api = {
  auth: {
    login: (body: LoginRequest) => http.post<LoginResponse>(`${V1}/auth/login`, body),
    logout: () => http.post<Ok>(`${V1}/auth/logout`),
    me: (signal?: AbortSignal) => http.get<MeResponse>(`${V1}/auth/me`, undefined, signal),
    demoAccounts: (signal?: AbortSignal) =>
      http.get<DemoAccountsResponse>(`${V1}/auth/demo-accounts`, undefined, signal),
  },
  orgs: {
    search: (query: Partial<OrgSearchQuery>, signal?: AbortSignal) =>
      http.get<OrgSearchResponse>(`${V1}/orgs`, query as Query, signal),
    facets: (signal?: AbortSignal) => http.get<OrgFacets>(`${V1}/orgs/facets`, undefined, signal),
    get: (id: string, signal?: AbortSignal) =>
      http.get<OrgProfile>(`${V1}/orgs/${enc(id)}`, undefined, signal),
    update: (id: string, body: OrgUpdateRequest) => http.patch<OrgProfile>(`${V1}/orgs/${enc(id)}`, body),
    indicators: (id: string) => http.get<IndicatorList>(`${V1}/orgs/${enc(id)}/indicators`),
    relations: (id: string) => http.get<RelationList>(`${V1}/orgs/${enc(id)}/relations`),
  },
  chain: {
    map: (signal?: AbortSignal) => http.get<ChainMapResponse>(`${V1}/chain/map`, undefined, signal),
    nodes: (signal?: AbortSignal) => http.get<{ items: ChainNode[] }>(`${V1}/chain/nodes`, undefined, signal),
    nodeOrgs: (id: string, signal?: AbortSignal) =>
      http.get<ChainNodeOrgsResponse>(`${V1}/chain/nodes/${enc(id)}/orgs`, undefined, signal),
  },
  stats: {
    firmsPerNode: (signal?: AbortSignal) =>
      http.get<FirmsPerNode>(`${V1}/stats/firms-per-node`, undefined, signal),
    indicators: (signal?: AbortSignal) =>
      http.get<ClusterIndicators>(`${V1}/stats/indicators`, undefined, signal),
    districts: (signal?: AbortSignal) =>
      http.get<FirmsPerDistrict>(`${V1}/stats/districts`, undefined, signal),
  },
  grants: {
    list: (signal?: AbortSignal) => http.get<GrantList>(`${V1}/grants`, undefined, signal),
    create: (body: GrantCreateRequest) => http.post<Grant>(`${V1}/grants`, body),
    revoke: (id: string) => http.post<Grant>(`${V1}/grants/${enc(id)}/revoke`),
  },
  imports: {
    run: (body: ImportRequest) => http.post<ImportReport>(`${V1}/imports`, body),
    template: (entity: ImportEntity, signal?: AbortSignal) =>
      http.get<ImportTemplate>(`${V1}/imports/templates/${entity}`, undefined, signal),
  },
  members: {
    list: (orgId: string, signal?: AbortSignal) =>
      http.get<MemberList>(`${V1}/orgs/${enc(orgId)}/members`, undefined, signal),
    add: (body: MemberAddRequest) => http.post<MemberResult>(`${V1}/members`, body),
    setRole: (userId: string, body: MemberRoleUpdateRequest) =>
      http.patch<MemberResult>(`${V1}/members/${enc(userId)}`, body),
    remove: (userId: string) => http.delete<Ok>(`${V1}/members/${enc(userId)}`),
  },
  accounts: {
    memberships: (signal?: AbortSignal) =>
      http.get<MembershipList>(`${V1}/auth/memberships`, undefined, signal),
    switchOrg: (body: SwitchOrgRequest) => http.post<MeResponse>(`${V1}/auth/switch-org`, body),
  },
  invitations: {
    list: (signal?: AbortSignal) => http.get<InvitationList>(`${V1}/invitations`, undefined, signal),
    create: (body: InvitationCreateRequest) => http.post<InvitationCreated>(`${V1}/invitations`, body),
    revoke: (id: string) => http.post<Invitation>(`${V1}/invitations/${enc(id)}/revoke`),
    preview: (token: string, signal?: AbortSignal) =>
      http.get<InvitationPreview>(`${V1}/invitations/by-token/${enc(token)}`, undefined, signal),
    accept: (token: string, body: InvitationAcceptRequest) =>
      http.post<MeResponse>(`${V1}/invitations/by-token/${enc(token)}/accept`, body),
  },
  audit: {
    page: (query: Partial<AuditQuery>, signal?: AbortSignal) =>
      http.get<AuditPage>(`${V1}/audit`, query as Query, signal),
  },
};
