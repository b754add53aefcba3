import type { MeResponse } from "@clusterbrain/contracts";
import { message, Select } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { api } from "../api/endpoints.ts";

/** Only users with two or more memberships get a switcher; everyone else just sees their org's name. */
export function hasSeveralOrgs(me: Pick<MeResponse, "memberships">): boolean {
  return me.memberships.length >= 2;
}

/**
 * Header control to act for another of my orgs. The server starts a new session (new cookie and
 * CSRF token, new role), so the app reloads from the top instead of patching every screen's data.
 */
export function OrgSwitcher({ me }: { me: MeResponse }) {
  const { t, pick, tEnum, fmt } = useI18n();
  const [busy, setBusy] = useState(false);
  const [toast, toastHolder] = message.useMessage();
  const options = me.memberships.map((m) => ({
    value: m.orgId,
    label: (
      <span data-testid={`org-option-${m.orgId}`}>
        {pick(m.orgNameZh, m.orgNameEn)} · {tEnum("role", m.role)}
      </span>
    ),
  }));
  return (
    <>
      {toastHolder}
      <Select<string>
        value={me.org.id}
        options={options}
        loading={busy}
        disabled={busy}
        aria-label={t("shell.switchOrg")}
        data-testid="org-switcher"
        popupMatchSelectWidth={false}
        style={{ minWidth: 160, maxWidth: 360 }}
        onChange={async (orgId) => {
          if (orgId === me.org.id) return;
          setBusy(true);
          try {
            await api.accounts.switchOrg({ orgId });
            window.location.assign("/");
          } catch (err) {
            setBusy(false);
            toast.error(
              [
                t("shell.switchFailed"),
                fmt.server({ message: err instanceof Error ? err.message : String(err) }),
              ]
                .filter(Boolean)
                .join(": "),
            );
          }
        }}
      />
    </>
  );
}
