import { useEffect } from "react";
import { useBlocker } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";

/**
 * While a form has unsaved changes: leaving through the app's own links asks first, and closing or
 * reloading the tab gets the browser's own warning.
 */
export function useUnsavedGuard(dirty: boolean): void {
  const { t } = useI18n();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (window.confirm(t("form.unsavedLeave"))) blocker.proceed();
    else blocker.reset();
  }, [blocker, t]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
}
