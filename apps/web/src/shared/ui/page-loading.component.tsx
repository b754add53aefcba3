import { Spin } from "antd";
import { useI18n } from "../../i18n/i18n.context.tsx";

export function PageLoading() {
  const { t } = useI18n();
  return (
    <div style={{ display: "flex", justifyContent: "center", padding: 48 }} data-testid="page-loading">
      <Spin description={t("app.loading")} />
    </div>
  );
}
