import { accessRequestModule } from "./access-requests/access-request.routes.ts";
import { accountModule } from "./accounts/account.routes.ts";
import { alarmOpsModule } from "./alarm-ops/alarm-ops.routes.ts";
import { auditModule } from "./audit/audit.routes.ts";
import { authModule } from "./auth/auth.routes.ts";
import { capacityExchangeModule } from "./capacity-exchange/capacity-exchange.routes.ts";
import { chainModule } from "./chain/chain.routes.ts";
import { connectionsModule } from "./connections/connection.routes.ts";
import { eventModule } from "./events/event.routes.ts";
import { grantModule } from "./grants/grant.routes.ts";
import { growthModule } from "./growth/growth.routes.ts";
import { importsModule } from "./imports/imports.routes.ts";
import { indicatorModule } from "./indicators/indicator.routes.ts";
import { ingestModule } from "./ingest/ingest.routes.ts";
import { innovationModule } from "./innovation/innovation.routes.ts";
import { invitationModule } from "./invitations/invitation.routes.ts";
import { jobsModule } from "./jobs/job.routes.ts";
import { knowledgeModule } from "./knowledge/knowledge.routes.ts";
import { liveModule } from "./live/live.routes.ts";
import { logisticsModule } from "./logistics/logistics.routes.ts";
import { marketingModule } from "./marketing/marketing.routes.ts";
import { materialsModule } from "./materials/materials.routes.ts";
import { memberModule } from "./members/member.routes.ts";
import type { FeatureModule } from "./module.ts";
import { monitoringModule } from "./monitoring/monitoring.routes.ts";
import { notificationModule } from "./notifications/notification.routes.ts";
import { oeeModule } from "./oee/oee.routes.ts";
import { orgModule } from "./orgs/org.routes.ts";
import { planningModule } from "./planning/planning.routes.ts";
import { reportModule } from "./reports/report.routes.ts";
import { resourceModule } from "./resources/resource.routes.ts";
import { schedulingModule } from "./scheduling/scheduling.routes.ts";
import { statsModule } from "./stats/stats.routes.ts";
import { talentModule } from "./talent/talent.routes.ts";
import { telemetryModule } from "./telemetry/telemetry.routes.ts";
import { traceModule } from "./trace/trace.routes.ts";

/**
 * Every feature module, registered under /api/v1 in this order. To add one, import its
 * `<x>Module` from `./<x>/<x>.routes.ts` and add it to the list (one line each).
 */
export const modules: FeatureModule[] = [
  authModule,
  orgModule,
  memberModule,
  indicatorModule,
  chainModule,
  grantModule,
  statsModule,
  auditModule,
  importsModule,
  liveModule,
  jobsModule,
  accountModule,
  invitationModule,
  planningModule,
  telemetryModule,
  ingestModule,
  connectionsModule,
  notificationModule,
  accessRequestModule,
  monitoringModule,
  alarmOpsModule,
  schedulingModule,
  resourceModule,
  innovationModule,
  traceModule,
  growthModule,
  capacityExchangeModule,
  knowledgeModule,
  eventModule,
  marketingModule,
  talentModule,
  logisticsModule,
  reportModule,
  materialsModule,
  oeeModule,
];
