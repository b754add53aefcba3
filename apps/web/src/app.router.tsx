import { lazy, Suspense } from "react";
import { createBrowserRouter, Navigate, Outlet, useLocation } from "react-router";
import { useSession } from "./shared/auth/session.context.tsx";
import { AppShell } from "./shared/layout/app-shell.layout.tsx";
import { NotFound } from "./shared/ui/not-found.component.tsx";
import { PageLoading } from "./shared/ui/page-loading.component.tsx";

// One chunk per screen: the login page does not pay for ECharts, the dashboard not for forms.
const LoginPage = lazy(() => import("./features/auth/login.page.tsx"));
const AcceptInvitationPage = lazy(() => import("./features/invitations/accept-invitation.page.tsx"));
const DashboardPage = lazy(() => import("./features/dashboard/dashboard.page.tsx"));
const DirectoryPage = lazy(() => import("./features/directory/directory.page.tsx"));
const OrgProfilePage = lazy(() => import("./features/org-profile/org-profile.page.tsx"));
const ChainMapPage = lazy(() => import("./features/chain-map/chain-map.page.tsx"));
const MyOrgPage = lazy(() => import("./features/my-org/my-org.page.tsx"));
const MembersPage = lazy(() => import("./features/members/members.page.tsx"));
const GrantsPage = lazy(() => import("./features/grants/grants.page.tsx"));
const AuditPage = lazy(() => import("./features/audit/audit.page.tsx"));
const ImportsPage = lazy(() => import("./features/imports/imports.page.tsx"));
const JobsPage = lazy(() => import("./features/jobs/jobs.page.tsx"));
const PlanningPage = lazy(() => import("./features/planning/planning.page.tsx"));
const SchedulingPage = lazy(() => import("./features/scheduling/scheduling.page.tsx"));
const DevicesPage = lazy(() => import("./features/devices/devices.page.tsx"));
const TagPage = lazy(() => import("./features/devices/tag.page.tsx"));
const ConnectionsPage = lazy(() => import("./features/connections/connections.page.tsx"));
const AlarmsPage = lazy(() => import("./features/alarms/alarms.page.tsx"));
const OeePage = lazy(() => import("./features/oee/oee.page.tsx"));
const ResourcesPage = lazy(() => import("./features/resources/resources.page.tsx"));
const ResourceDetailPage = lazy(() => import("./features/resources/resource-detail.page.tsx"));
const KnowledgePage = lazy(() => import("./features/knowledge/knowledge.page.tsx"));
const EventsPage = lazy(() => import("./features/events/events.page.tsx"));
const PoliciesPage = lazy(() => import("./features/events/policies.page.tsx"));
const BookingsPage = lazy(() => import("./features/resources/bookings.page.tsx"));
const InnovationPage = lazy(() => import("./features/innovation/innovation.page.tsx"));
const ProjectPage = lazy(() => import("./features/innovation/project.page.tsx"));
const GrowthPage = lazy(() => import("./features/growth/growth.page.tsx"));
const StrategyPage = lazy(() => import("./features/strategy/strategy.page.tsx"));
const TracePage = lazy(() => import("./features/trace/trace.page.tsx"));
const CapacityExchangePage = lazy(() => import("./features/capacity-exchange/capacity-exchange.page.tsx"));
const RfqsPage = lazy(() => import("./features/capacity-exchange/rfqs.page.tsx"));
const RfqPage = lazy(() => import("./features/capacity-exchange/rfq.page.tsx"));
const CapacityOrderPage = lazy(() => import("./features/capacity-exchange/order.page.tsx"));
const MarketingPage = lazy(() => import("./features/marketing/marketing.page.tsx"));
const TalentPage = lazy(() => import("./features/talent/talent.page.tsx"));
const LogisticsPage = lazy(() => import("./features/logistics/logistics.page.tsx"));
const ShipmentPage = lazy(() => import("./features/logistics/shipment.page.tsx"));
const MaterialsPage = lazy(() => import("./features/materials/materials.page.tsx"));

/** Waits for the session lookup, then sends anonymous visitors to /login (remembering where they were). */
function RequireSession() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === "loading") return <PageLoading />;
  if (state.status === "anonymous") {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return <Outlet />;
}

export const router = createBrowserRouter([
  {
    path: "/login",
    element: (
      <Suspense fallback={<PageLoading />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    // Public: whoever holds an invitation link, signed in or not.
    path: "/invite/:token",
    element: (
      <Suspense fallback={<PageLoading />}>
        <AcceptInvitationPage />
      </Suspense>
    ),
  },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: "directory", element: <DirectoryPage /> },
          { path: "orgs/:id", element: <OrgProfilePage /> },
          { path: "chain", element: <ChainMapPage /> },
          { path: "my-org", element: <MyOrgPage /> },
          { path: "members", element: <MembersPage /> },
          { path: "grants", element: <GrantsPage /> },
          { path: "audit", element: <AuditPage /> },
          { path: "imports", element: <ImportsPage /> },
          { path: "jobs", element: <JobsPage /> },
          { path: "planning", element: <PlanningPage /> },
          { path: "scheduling", element: <SchedulingPage /> },
          { path: "devices", element: <DevicesPage /> },
          { path: "devices/tags/:id", element: <TagPage /> },
          { path: "connections", element: <ConnectionsPage /> },
          { path: "alarms", element: <AlarmsPage /> },
          { path: "oee", element: <OeePage /> },
          { path: "resources", element: <ResourcesPage /> },
          { path: "resources/:id", element: <ResourceDetailPage /> },
          { path: "bookings", element: <BookingsPage /> },
          { path: "innovation", element: <InnovationPage /> },
          { path: "innovation/projects/:id", element: <ProjectPage /> },
          { path: "growth", element: <GrowthPage /> },
          { path: "strategy", element: <StrategyPage /> },
          { path: "trace", element: <TracePage /> },
          { path: "capacity-exchange", element: <CapacityExchangePage /> },
          { path: "capacity-exchange/rfqs", element: <RfqsPage /> },
          { path: "capacity-exchange/rfqs/:id", element: <RfqPage /> },
          { path: "capacity-exchange/orders/:id", element: <CapacityOrderPage /> },
          { path: "knowledge", element: <KnowledgePage /> },
          { path: "events", element: <EventsPage /> },
          { path: "policies", element: <PoliciesPage /> },
          { path: "marketing", element: <MarketingPage /> },
          { path: "talent", element: <TalentPage /> },
          { path: "logistics", element: <LogisticsPage /> },
          { path: "logistics/:id", element: <ShipmentPage /> },
          { path: "materials", element: <MaterialsPage /> },
          { path: "*", element: <NotFound /> },
        ],
      },
    ],
  },
]);
