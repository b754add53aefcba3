import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AreaChartOutlined,
  AuditOutlined,
  BarsOutlined,
  BookOutlined,
  BulbOutlined,
  CalendarOutlined,
  CarOutlined,
  CarryOutOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DeploymentUnitOutlined,
  EditOutlined,
  ExperimentOutlined,
  FileProtectOutlined,
  FundOutlined,
  GoldOutlined,
  NodeIndexOutlined,
  RiseOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  ShopOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from "@ant-design/icons";
import type { MeResponse } from "@clusterbrain/contracts";
import type { ReactNode } from "react";
import type { MessageKey } from "../../i18n/zh-cn.messages.ts";
import { canImport, canManageOrg, canViewAudit } from "../auth/access.ts";

export interface NavItem {
  key: string;
  path: string;
  label: MessageKey;
  icon: ReactNode;
}

const ALL: NavItem[] = [
  { key: "dashboard", path: "/", label: "nav.dashboard", icon: <DashboardOutlined /> },
  { key: "directory", path: "/directory", label: "nav.directory", icon: <UnorderedListOutlined /> },
  { key: "chain", path: "/chain", label: "nav.chainMap", icon: <ApartmentOutlined /> },
  { key: "my-org", path: "/my-org", label: "nav.myOrg", icon: <EditOutlined /> },
  { key: "members", path: "/members", label: "nav.members", icon: <TeamOutlined /> },
  { key: "grants", path: "/grants", label: "nav.grants", icon: <SafetyCertificateOutlined /> },
  { key: "imports", path: "/imports", label: "nav.imports", icon: <CloudUploadOutlined /> },
  { key: "jobs", path: "/jobs", label: "nav.jobs", icon: <ScheduleOutlined /> },
  { key: "planning", path: "/planning", label: "nav.planning", icon: <AreaChartOutlined /> },
  { key: "scheduling", path: "/scheduling", label: "nav.scheduling", icon: <BarsOutlined /> },
  { key: "growth", path: "/growth", label: "nav.growth", icon: <RiseOutlined /> },
  { key: "strategy", path: "/strategy", label: "nav.strategy", icon: <AimOutlined /> },
  { key: "marketing", path: "/marketing", label: "nav.marketing", icon: <ShopOutlined /> },
  { key: "talent", path: "/talent", label: "nav.talent", icon: <TeamOutlined /> },
  { key: "logistics", path: "/logistics", label: "nav.logistics", icon: <CarOutlined /> },
  { key: "materials", path: "/materials", label: "nav.materials", icon: <GoldOutlined /> },
  { key: "devices", path: "/devices", label: "nav.devices", icon: <ClusterOutlined /> },
  { key: "connections", path: "/connections", label: "nav.connections", icon: <ApiOutlined /> },
  { key: "alarms", path: "/alarms", label: "nav.alarms", icon: <AlertOutlined /> },
  { key: "oee", path: "/oee", label: "nav.oee", icon: <FundOutlined /> },
  { key: "resources", path: "/resources", label: "nav.resources", icon: <ExperimentOutlined /> },
  { key: "bookings", path: "/bookings", label: "nav.bookings", icon: <CalendarOutlined /> },
  { key: "innovation", path: "/innovation", label: "nav.innovation", icon: <BulbOutlined /> },
  { key: "trace", path: "/trace", label: "nav.trace", icon: <NodeIndexOutlined /> },
  {
    key: "capacity-exchange",
    path: "/capacity-exchange",
    label: "nav.capacityExchange",
    icon: <DeploymentUnitOutlined />,
  },
  { key: "knowledge", path: "/knowledge", label: "nav.knowledge", icon: <BookOutlined /> },
  { key: "events", path: "/events", label: "nav.events", icon: <CarryOutOutlined /> },
  { key: "policies", path: "/policies", label: "nav.policies", icon: <FileProtectOutlined /> },
  { key: "audit", path: "/audit", label: "nav.audit", icon: <AuditOutlined /> },
];

export function navItemsFor(me: MeResponse): NavItem[] {
  return ALL.filter(
    (item) =>
      (item.key !== "audit" || canViewAudit(me)) &&
      (item.key !== "imports" || canImport(me)) &&
      (item.key !== "members" || canManageOrg(me)),
  );
}

/** The menu entry a location belongs to (profiles belong to the directory). */
export function activeNavKey(pathname: string): string {
  if (pathname.startsWith("/orgs/")) return "directory";
  const match = ALL.filter((i) => i.path !== "/" && pathname.startsWith(i.path));
  return match[0]?.key ?? "dashboard";
}
