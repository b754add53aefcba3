import { Alert, Button } from "antd";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { ApiError } from "../api/api-error.ts";

/** Shows an API failure as the server phrased it (`{error:{code,message}}`), with its code for support. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const isNetwork = error instanceof ApiError && error.code === "NETWORK";
  const message = isNetwork ? t("error.network") : error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.code : null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="error-alert"
      title={t("error.title")}
      description={
        <>
          <div data-testid="error-message">{message}</div>
          {code !== null && !isNetwork && <div data-testid="error-code">{t("error.code", { code })}</div>}
        </>
      }
      action={
        onRetry === undefined ? undefined : (
          <Button size="small" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        )
      }
    />
  );
}
