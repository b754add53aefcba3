import { accessRequestRoutes } from "./access-request.routes.ts";
import { accountRoutes } from "./account.routes.ts";
import { alarmOpsRoutes } from "./alarm-ops.routes.ts";
import { auditRoutes } from "./audit.routes.ts";
import { authRoutes } from "./auth.routes.ts";
import { capacityExchangeRoutes } from "./capacity-exchange.routes.ts";
import { chainRoutes } from "./chain.routes.ts";
import { connectionRoutes } from "./connection.routes.ts";
import { eventRoutes } from "./event.routes.ts";
import { grantRoutes } from "./grant.routes.ts";
import { growthRoutes } from "./growth.routes.ts";
import { importRoutes } from "./import.routes.ts";
import { indicatorRoutes } from "./indicator.routes.ts";
import { ingestRoutes } from "./ingest.routes.ts";
import { innovationRoutes } from "./innovation.routes.ts";
import { invitationRoutes } from "./invitation.routes.ts";
import { jobRoutes } from "./job.routes.ts";
import { knowledgeRoutes } from "./knowledge.routes.ts";
import { liveRoutes } from "./live.routes.ts";
import { logisticsRoutes } from "./logistics.routes.ts";
import { marketingRoutes } from "./marketing.routes.ts";
import { marketingChannelRoutes } from "./marketing-channel.routes.ts";
import { materialsRoutes } from "./materials.routes.ts";
import { memberRoutes } from "./member.routes.ts";
import { monitoringRoutes } from "./monitoring.routes.ts";
import { notificationRoutes } from "./notification.routes.ts";
import { oeeRoutes } from "./oee.routes.ts";
import { orgRoutes } from "./org.routes.ts";
import { planningRoutes } from "./planning.routes.ts";
import { reportRoutes } from "./report.routes.ts";
import { resourceRoutes } from "./resource.routes.ts";
import type { AnyRoute } from "./route.ts";
import { schedulingRoutes } from "./scheduling.routes.ts";
import { statsRoutes } from "./stats.routes.ts";
import { talentRoutes } from "./talent.routes.ts";
import { talentStudioRoutes } from "./talent-studio.routes.ts";
import { telemetryRoutes } from "./telemetry.routes.ts";
import { traceRoutes } from "./trace.routes.ts";

export * from "./access-request.routes.ts";
export * from "./account.routes.ts";
export * from "./alarm-ops.routes.ts";
export * from "./audit.routes.ts";
export * from "./auth.routes.ts";
export * from "./capacity-exchange.routes.ts";
export * from "./chain.routes.ts";
export * from "./connection.routes.ts";
export * from "./event.routes.ts";
export * from "./grant.routes.ts";
export * from "./growth.routes.ts";
export * from "./import.routes.ts";
export * from "./indicator.routes.ts";
export * from "./ingest.routes.ts";
export * from "./innovation.routes.ts";
export * from "./invitation.routes.ts";
export * from "./job.routes.ts";
export * from "./knowledge.routes.ts";
export * from "./live.routes.ts";
export * from "./logistics.routes.ts";
export * from "./marketing.routes.ts";
export * from "./marketing-channel.routes.ts";
export * from "./materials.routes.ts";
export * from "./member.routes.ts";
export * from "./monitoring.routes.ts";
export * from "./notification.routes.ts";
export * from "./oee.routes.ts";
export * from "./org.routes.ts";
export * from "./planning.routes.ts";
export * from "./report.routes.ts";
export * from "./resource.routes.ts";
export * from "./route.ts";
export * from "./scheduling.routes.ts";
export * from "./stats.routes.ts";
export * from "./talent.routes.ts";
export * from "./talent-studio.routes.ts";
export * from "./telemetry.routes.ts";
export * from "./trace.routes.ts";

/**
 * THE route table: every /api/v1 operation, keyed `<group>.<operation>`. The server registers
 * routes only from here (start-up refuses anything else), the web client is typed from it, and
 * the tenant-isolation sweep walks it. To add a module, declare `<x>Routes` beside these and add
 * one line below.
 */
export const routeTable = {
  auth: authRoutes,
  orgs: orgRoutes,
  members: memberRoutes,
  indicators: indicatorRoutes,
  chain: chainRoutes,
  grants: grantRoutes,
  stats: statsRoutes,
  audit: auditRoutes,
  imports: importRoutes,
  live: liveRoutes,
  jobs: jobRoutes,
  accounts: accountRoutes,
  invitations: invitationRoutes,
  planning: planningRoutes,
  telemetry: telemetryRoutes,
  ingest: ingestRoutes,
  connections: connectionRoutes,
  accessRequests: accessRequestRoutes,
  notifications: notificationRoutes,
  monitoring: monitoringRoutes,
  alarmOps: alarmOpsRoutes,
  scheduling: schedulingRoutes,
  resources: resourceRoutes,
  innovation: innovationRoutes,
  trace: traceRoutes,
  growth: growthRoutes,
  capacityExchange: capacityExchangeRoutes,
  knowledge: knowledgeRoutes,
  events: eventRoutes,
  marketing: marketingRoutes,
  talent: talentRoutes,
  talentStudios: talentStudioRoutes,
  marketingChannels: marketingChannelRoutes,
  logistics: logisticsRoutes,
  reports: reportRoutes,
  materials: materialsRoutes,
  oee: oeeRoutes,
} satisfies Record<string, Record<string, AnyRoute>>;

export interface DeclaredRoute {
  /** `<group>.<operation>`, e.g. `orgs.get`. */
  name: string;
  route: AnyRoute;
}

/** The table flattened, in declaration order. */
export function declaredRoutes(
  table: Record<string, Record<string, AnyRoute>> = routeTable,
): DeclaredRoute[] {
  return Object.entries(table).flatMap(([group, ops]) =>
    Object.entries(ops).map(([op, route]) => ({ name: `${group}.${op}`, route })),
  );
}
