import type { MessageKey } from "../../i18n/zh-cn.messages.ts";

export interface Crumb {
  label: MessageKey;
  /** Where the crumb leads; the last crumb (the current page) has none. */
  path?: string;
}

const SECTIONS: ReadonlyArray<{ prefix: string; label: MessageKey }> = [
  { prefix: "/directory", label: "nav.directory" },
  { prefix: "/orgs/", label: "nav.directory" },
  { prefix: "/chain", label: "nav.chainMap" },
  { prefix: "/my-org", label: "nav.myOrg" },
  { prefix: "/members", label: "nav.members" },
  { prefix: "/grants", label: "nav.grants" },
  { prefix: "/imports", label: "nav.imports" },
  { prefix: "/jobs", label: "nav.jobs" },
  { prefix: "/planning", label: "nav.planning" },
  { prefix: "/scheduling", label: "nav.scheduling" },
  { prefix: "/audit", label: "nav.audit" },
  { prefix: "/growth", label: "nav.growth" },
  { prefix: "/strategy", label: "nav.strategy" },
  { prefix: "/marketing", label: "nav.marketing" },
  { prefix: "/oee", label: "nav.oee" },
];

/**
 * Where a page sits: the overview, its section, and for a profile the profile itself (reached from
 * the directory). The dashboard alone has a one-crumb trail.
 */
export function breadcrumbTrail(pathname: string): Crumb[] {
  const home: Crumb = { label: "nav.dashboard", path: "/" };
  if (pathname === "/" || pathname === "") return [{ label: "nav.dashboard" }];
  const section = SECTIONS.find((s) => pathname.startsWith(s.prefix));
  if (section === undefined) return [home, { label: "app.notFound" }];
  if (section.prefix === "/orgs/")
    return [home, { label: "nav.directory", path: "/directory" }, { label: "nav.profile" }];
  return [home, { label: section.label }];
}
