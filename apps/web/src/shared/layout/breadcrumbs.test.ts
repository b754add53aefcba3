import { describe, expect, it } from "vitest";
import { breadcrumbTrail } from "./breadcrumbs.ts";

describe("breadcrumbs", () => {
  it("puts every page under the overview, and a profile under the directory", () => {
    expect(breadcrumbTrail("/")).toEqual([{ label: "nav.dashboard" }]);
    expect(breadcrumbTrail("/grants")).toEqual([
      { label: "nav.dashboard", path: "/" },
      { label: "nav.grants" },
    ]);
    expect(breadcrumbTrail("/orgs/org-1")).toEqual([
      { label: "nav.dashboard", path: "/" },
      { label: "nav.directory", path: "/directory" },
      { label: "nav.profile" },
    ]);
    expect(breadcrumbTrail("/nowhere").at(-1)).toEqual({ label: "app.notFound" });
  });
});
