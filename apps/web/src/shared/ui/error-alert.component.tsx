import { Alert, Button } from "antd";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { ApiError } from "../api/api-error.ts";

/**
 * Shows an API failure: a translated headline for its code, then the server's own message and
 * code (`{error:{code,message}}`) so support can match it to the logs.
 */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, tEnum } = useI18n();
  const isNetwork = error instanceof ApiError && error.code === "NETWORK";
  const message = isNetwork ? t("error.network") : error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.code : null;
  const titleFor = (c: string) => {
    const text = tEnum("errorCode", c);
    return text === c ? t("error.title") : text;
  };
  return (
    <Alert
      type="error"
      showIcon
      data-testid="error-alert"
      title={code !== null && !isNetwork ? titleFor(code) : t("error.title")}
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
