import { Alert, Button } from "antd";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { ApiError, fieldProblems } from "../api/api-error.ts";

/**
 * Shows an API failure in the chosen language: a translated headline for its code, then each
 * problem the server described with a key (translated with its parameters), and the code so
 * support can match it to the logs. Renders nothing when there is no error. The server's English message shows only in the English UI,
 * and only when it sent nothing translatable.
 */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, tEnum, fmt } = useI18n();
  // Nothing failed, nothing to show: screens pass `list.error ?? failure` unconditionally.
  if (error === null || error === undefined) return null;
  const isNetwork = error instanceof ApiError && error.code === "NETWORK";
  const code = error instanceof ApiError ? error.code : null;
  const titleFor = (c: string) => {
    const text = tEnum("errorCode", c);
    return text === c ? t("error.title") : text;
  };
  const details =
    error instanceof ApiError
      ? fieldProblems(error.details)
          .map((p) => {
            const text = fmt.server(p);
            return text === null
              ? null
              : p.field === "file"
                ? text
                : t("error.detail", { path: p.field, text });
          })
          .filter((x): x is string => x !== null)
      : [];
  const raw = error instanceof Error ? error.message : String(error);
  const fallback = fmt.server({ message: raw });
  const lines = isNetwork
    ? [t("error.network")]
    : details.length > 0
      ? details
      : fallback === null
        ? []
        : [fallback];
  return (
    <Alert
      type="error"
      showIcon
      data-testid="error-alert"
      title={code !== null && !isNetwork ? titleFor(code) : t("error.title")}
      description={
        <>
          {lines.map((line) => (
            <div key={line} data-testid="error-message">
              {line}
            </div>
          ))}
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
